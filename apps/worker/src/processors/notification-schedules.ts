import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { NotificationQueueProducer } from '@duban/queues';

/** When the daily digest goes out (cron, Asia/Shanghai); DIGEST_CRON overrides. */
export const DEFAULT_DIGEST_CRON = '0 18 * * *';

/** Registers the daily digest's job scheduler when the worker starts (idempotent upsert). */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap {
  constructor(private readonly queue: NotificationQueueProducer) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.scheduleDailyDigest(process.env.DIGEST_CRON?.trim() || DEFAULT_DIGEST_CRON);
  }
}
