import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { OutboxDeliveryService, type DeliveryOutcome } from '@duban/notifications';
import { DeliverOutboxMessageJob, JOB_DELIVER_OUTBOX_MESSAGE, QUEUE_NOTIFICATIONS } from '@duban/queues';

/** Delivers outbox messages; thin: the delivery rules live in OutboxDeliveryService. */
@Processor(QUEUE_NOTIFICATIONS, { concurrency: 8 })
export class NotificationProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationProcessor.name);

  constructor(private readonly delivery: OutboxDeliveryService) {
    super();
  }

  async process(job: Job<DeliverOutboxMessageJob>): Promise<DeliveryOutcome> {
    if (job.name !== JOB_DELIVER_OUTBOX_MESSAGE) throw new Error(`unknown job ${job.name} on ${QUEUE_NOTIFICATIONS}`);
    return this.delivery.deliver(job.data.outboxMessageId);
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job<DeliverOutboxMessageJob> | undefined, error: Error): Promise<void> {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(`delivery of outbox ${job.data.outboxMessageId} failed (attempt ${job.attemptsMade}${final ? ', dead-lettered' : ''}): ${error.message}`);
    await this.delivery.recordFailure(job.data.outboxMessageId, error.message, final);
  }
}
