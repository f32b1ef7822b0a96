import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  DAILY_DIGEST_SCHEDULER_ID,
  JOB_DAILY_DIGEST,
  JOB_DELIVER_OUTBOX_MESSAGE,
  JOB_RELAY_OUTBOX,
  JOB_SEND_TO_CHANNEL,
  QUEUE_NOTIFICATIONS,
  RELAY_OUTBOX_SCHEDULER_ID,
  type SendToChannelJob,
} from './queue-names';

/** Job options shared by every delivery: retries with exponential backoff, bounded history in Redis. */
export const DELIVERY_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * Thin producer: one job per outbox message. The job id is the outbox id, so
 * enqueuing the same message twice (a retried activity, the relay) adds one job.
 */
@Injectable()
export class NotificationQueueProducer {
  constructor(@InjectQueue(QUEUE_NOTIFICATIONS) private readonly queue: Queue) {}

  async enqueueOutboxMessages(outboxMessageIds: readonly string[]): Promise<void> {
    if (outboxMessageIds.length === 0) return;
    await this.queue.addBulk(
      outboxMessageIds.map((outboxMessageId) => ({
        name: JOB_DELIVER_OUTBOX_MESSAGE,
        data: { outboxMessageId },
        opts: { ...DELIVERY_JOB_OPTIONS, jobId: `outbox-${outboxMessageId}` },
      })),
    );
  }

  /** One job per (message, subscription); the job id makes a repeated fan-out add nothing. */
  async enqueueChannelSends(sends: readonly SendToChannelJob[]): Promise<void> {
    if (sends.length === 0) return;
    await this.queue.addBulk(
      sends.map((send) => ({
        name: JOB_SEND_TO_CHANNEL,
        data: send,
        opts: { ...DELIVERY_JOB_OPTIONS, jobId: `channel-${Buffer.from(`${send.messageKey}|${send.subscriptionId}`).toString('base64url')}` },
      })),
    );
  }

  /** The daily digest at `pattern` (cron) in Asia/Shanghai; upserted, so every worker start may call it. */
  async scheduleDailyDigest(pattern: string): Promise<void> {
    await this.queue.upsertJobScheduler(DAILY_DIGEST_SCHEDULER_ID, { pattern, tz: 'Asia/Shanghai' }, { name: JOB_DAILY_DIGEST, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  /** The outbox relay every `everyMs` (a safety net: enqueuing normally follows the commit at once). */
  async scheduleOutboxRelay(everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(RELAY_OUTBOX_SCHEDULER_ID, { every: everyMs }, { name: JOB_RELAY_OUTBOX, data: {}, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }

  /** Which of these job schedulers do not exist (a Redis restarted without its data has none). */
  async missingSchedulers(ids: readonly string[]): Promise<string[]> {
    const found = await Promise.all(ids.map((id) => this.queue.getJobScheduler(id)));
    return ids.filter((_, index) => !found[index]);
  }

  /** Round trip to Redis: throws when it does not answer. */
  async ping(): Promise<void> {
    await this.queue.getJobCounts('waiting');
  }
}
