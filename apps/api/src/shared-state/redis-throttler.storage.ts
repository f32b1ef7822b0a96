import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { boundedRedis } from '@duban/queues';

/** What ThrottlerStorage.increment answers (seconds, as @nestjs/throttler's own storage). */
interface ThrottlerRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One hit in a fixed window (KEYS[1], ARGV[1] ms); past the limit (ARGV[2]) the
 * client is blocked (KEYS[2]) for ARGV[3] ms. Atomic, so two API instances
 * counting the same client never lose a hit.
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}
`;

/**
 * The sign-in throttle's counts in Redis (`<QUEUE_PREFIX>:throttle:`), shared by
 * every API instance behind the load balancer. While Redis is unreachable each
 * instance counts in its own memory (sign-in keeps working, throttled per process).
 */
@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly fallback = new ThrottlerStorageService();
  private redis: Redis | undefined;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    // Keyed by the limit too: instances configured alike share counts; a changed limit starts a fresh window.
    const base = `${this.config.queuePrefix}:throttle:${throttlerName}:${limit}/${ttl}:${key}`;
    try {
      const [hits, ttlMs, blockedMs] = (await this.client().eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration > 0 ? blockDuration : ttl)) as [number, number, number];
      const isBlocked = blockedMs > 0;
      return { totalHits: hits, timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)), isBlocked, timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0 };
    } catch (error) {
      this.logger.warn(`sign-in throttle counts in this process only (Redis: ${String(error)})`);
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.fallback.onApplicationShutdown();
    const redis = this.redis;
    this.redis = undefined;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  private client(): Redis {
    this.redis ??= boundedRedis(this.config.redisUrl, 'duban-api-throttle');
    return this.redis;
  }
}
