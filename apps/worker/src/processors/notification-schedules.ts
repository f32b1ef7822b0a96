import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { NotificationQueueProducer } from '@duban/queues';

/** When the daily digest goes out (cron, Asia/Shanghai); DIGEST_CRON overrides. */
export const DEFAULT_DIGEST_CRON = '0 18 * * *';
/** How often the outbox relay looks for rows whose enqueue was lost. */
export const OUTBOX_RELAY_EVERY_MS = 60_000;

/** Registers the daily digest's and the outbox relay's job schedulers when the worker starts (idempotent upserts). */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap {
  constructor(private readonly queue: NotificationQueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.scheduleDailyDigest(process.env.DIGEST_CRON?.trim() || DEFAULT_DIGEST_CRON);
    await this.queue.scheduleOutboxRelay(OUTBOX_RELAY_EVERY_MS);
  }
}
