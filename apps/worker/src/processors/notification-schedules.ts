import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { boundedRedis, DAILY_DIGEST_SCHEDULER_ID, NotificationQueueProducer, RELAY_OUTBOX_SCHEDULER_ID } from '@duban/queues';
import { withDeadline } from '@duban/resilience';

/** When the daily digest goes out (cron, Asia/Shanghai); DIGEST_CRON (libs/config) overrides. */
export const DEFAULT_DIGEST_CRON = '0 18 * * *';
/** How often the schedulers' existence is verified (a Redis that restarted empty has none). */
export const SCHEDULERS_VERIFIED_EVERY_MS = 30_000;

/**
 * The daily digest's and the outbox relay's job schedulers live in Redis: a Redis
 * that restarts without its data loses them. They are upserted when the worker
 * starts, again whenever Redis (re)connects, and verified every 30 s.
 */
@Injectable()
export class NotificationSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NotificationSchedules.name);
  private redis: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** Set once the schedulers were first created: missing ones after that mean Redis lost its data. */
  private created = false;

  constructor(
    private readonly queue: NotificationQueueProducer,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: a Redis that is down at start must not hold the worker up (the check below retries).
    void this.ensure();
    // A connection of its own just to hear Redis come back.
    this.redis = boundedRedis(this.config.redisUrl, 'duban-worker-schedulers');
    let first = true;
    this.redis.on('ready', () => {
      if (first) {
        first = false;
        return;
      }
      this.logger.log('Redis is back: re-creating the job schedulers');
      void this.ensure();
    });
    this.timer = setInterval(() => void this.ensure(), SCHEDULERS_VERIFIED_EVERY_MS);
    this.timer.unref();
  }

  /** Upserts both schedulers (idempotent). */
  async schedule(): Promise<void> {
    await this.queue.scheduleDailyDigest(this.config.digestCron || DEFAULT_DIGEST_CRON);
    await this.queue.scheduleOutboxRelay(this.config.outboxRelayEveryMs);
  }

  /** Re-creates missing schedulers; returns the ids that were missing. Failures (Redis still down) are logged. */
  async ensure(): Promise<string[]> {
    try {
      // BullMQ's connection waits for Redis forever: bounded here.
      const missing = await withDeadline(this.queue.missingSchedulers([DAILY_DIGEST_SCHEDULER_ID, RELAY_OUTBOX_SCHEDULER_ID]), 5000, 'Redis');
      if (missing.length > 0) {
        await withDeadline(this.schedule(), 5000, 'Redis');
        if (this.created) this.logger.warn(`job schedulers ${missing.join(', ')} were missing (Redis lost its data?): re-created`);
      }
      this.created = true;
      return missing;
    } catch (error) {
      this.logger.warn(`cannot verify the job schedulers yet: ${String(error)}`);
      return [];
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.redis?.disconnect();
  }
}
