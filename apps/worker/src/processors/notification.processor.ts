import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import type { Job } from 'bullmq';
import { StatisticsService } from '@duban/services';
import { ChannelDeliveryService, digestDateOf, OutboxDeliveryService, toJobError } from '@duban/notifications';
import {
  JOB_DAILY_DIGEST,
  JOB_DELIVER_OUTBOX_MESSAGE,
  JOB_RELAY_OUTBOX,
  JOB_SEND_TO_CHANNEL,
  NotificationQueueProducer,
  QUEUE_NOTIFICATIONS,
  type DailyDigestJob,
  type DeliverOutboxMessageJob,
  type SendToChannelJob,
} from '@duban/queues';

type NotificationJob = Job<DeliverOutboxMessageJob> | Job<SendToChannelJob> | Job<DailyDigestJob>;

/**
 * The notification pipeline; thin: the rules live in the delivery services.
 * outbox message → in-app inbox → one job per external channel; daily digests.
 */
@Processor(QUEUE_NOTIFICATIONS, { concurrency: 8 })
export class NotificationProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationProcessor.name);

  constructor(
    private readonly inbox: OutboxDeliveryService,
    private readonly channels: ChannelDeliveryService,
    private readonly queue: NotificationQueueProducer,
    private readonly statistics: StatisticsService,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {
    super();
  }

  async process(job: NotificationJob): Promise<unknown> {
    switch (job.name) {
      case JOB_DELIVER_OUTBOX_MESSAGE: {
        const { outboxMessageId } = job.data as DeliverOutboxMessageJob;
        const outcome = await this.inbox.deliver(outboxMessageId);
        if (outcome === 'delivered' || outcome === 'already-delivered') {
          await this.queue.enqueueChannelSends(await this.channels.immediateSends(outboxMessageId));
        }
        return outcome;
      }
      case JOB_SEND_TO_CHANNEL:
        try {
          return await this.channels.send(job.data as SendToChannelJob);
        } catch (error) {
          // A permanent refusal (e.g. 400, a bad robot key) fails the job at once: no pointless retries.
          throw toJobError(error);
        }
      case JOB_DAILY_DIGEST: {
        const date = (job.data as DailyDigestJob).date ?? digestDateOf(Date.now());
        const sends = await this.channels.digestSends(date);
        await this.queue.enqueueChannelSends(sends);
        // The day's counts for the 驾驶舱's overdue trend ride on the daily job; a failure here must not resend digests.
        const recorded = await this.statistics.recordDay(date).catch((error: Error) => {
          this.logger.warn(`statistics of ${date} not recorded: ${error.message}`);
          return null;
        });
        return { date, digests: sends.length, statisticsPlans: recorded?.plans ?? null };
      }
      case JOB_RELAY_OUTBOX: {
        // Job ids are the outbox ids: a row whose job exists already is not enqueued twice.
        const stranded = await this.inbox.strandedMessageIds(this.config.outboxRelayAfterMs); // an outbox row this old and never attempted lost its enqueue
        await this.queue.enqueueOutboxMessages(stranded);
        return { relayed: stranded.length };
      }
      default:
        throw new Error(`unknown job ${job.name} on ${QUEUE_NOTIFICATIONS}`);
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: NotificationJob | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
    this.logger.warn(`${job.name} failed (attempt ${job.attemptsMade}${final ? ', dead-lettered' : ''}): ${error.message}`);
    if (job.name === JOB_DELIVER_OUTBOX_MESSAGE) {
      await this.inbox.recordFailure((job.data as DeliverOutboxMessageJob).outboxMessageId, error.message, final);
    } else if (job.name === JOB_SEND_TO_CHANNEL && final) {
      await this.channels.recordDead(job.data as SendToChannelJob, error.message, job.attemptsMade);
    }
  }
}
