import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DeliverOutboxMessageJob, JOB_DELIVER_OUTBOX_MESSAGE, QUEUE_NOTIFICATIONS } from './queue-names';

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
  constructor(@InjectQueue(QUEUE_NOTIFICATIONS) private readonly queue: Queue<DeliverOutboxMessageJob>) {}

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

  /** Round trip to Redis: throws when it does not answer. */
  async ping(): Promise<void> {
    await this.queue.getJobCounts('waiting');
  }
}
