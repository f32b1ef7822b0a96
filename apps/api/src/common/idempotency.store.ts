import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { boundedRedis } from '@duban/queues';

/** What a key holds: a request in progress, or the answer of a finished one. */
export type IdempotencyRecord = { readonly state: 'pending'; readonly fingerprint: string } | { readonly state: 'done'; readonly fingerprint: string; readonly body: unknown };

/** Keys and answers are kept this long (24 h). */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/**
 * A claim whose request never answered (its API process died) expires after this
 * long: well past the request deadline, so a live request keeps its claim.
 */
const MIN_PENDING_TTL_SECONDS = 30;

/**
 * The answers of mutating requests sent with an `Idempotency-Key`, in Redis
 * under `<QUEUE_PREFIX>:idempotency:`, keyed by user, method, path and key.
 */
@Injectable()
export class IdempotencyStore implements OnModuleDestroy {
  private readonly logger = new Logger(IdempotencyStore.name);
  private redis: Redis | undefined;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  /** Claims the key for this request (null: claimed now), or returns what the key already holds. */
  async claim(scope: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const key = this.key(scope);
    const pendingTtl = Math.max(MIN_PENDING_TTL_SECONDS, Math.ceil((2 * this.config.requestTimeoutMs) / 1000));
    const claimed = await this.client().set(key, JSON.stringify({ state: 'pending', fingerprint }), 'EX', pendingTtl, 'NX');
    if (claimed === 'OK') return null;
    const existing = await this.client().get(key);
    return existing ? (JSON.parse(existing) as IdempotencyRecord) : this.claim(scope, fingerprint);
  }

  async complete(scope: string, fingerprint: string, body: unknown): Promise<void> {
    await this.client().set(this.key(scope), JSON.stringify({ state: 'done', fingerprint, body: body ?? null }), 'EX', IDEMPOTENCY_TTL_SECONDS);
  }

  /** A failed request leaves nothing behind: the same key may be retried. */
  async release(scope: string): Promise<void> {
    await this.client().del(this.key(scope));
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) await this.redis.quit().catch((error: unknown) => this.logger.warn(`closing Redis: ${String(error)}`));
  }

  private key(scope: string): string {
    return `${this.config.queuePrefix}:idempotency:${scope}`;
  }

  private client(): Redis {
    // Bounded: while Redis is down or frozen a command fails fast (the request then runs without the store).
    this.redis ??= boundedRedis(this.config.redisUrl, 'duban-api-idempotency');
    return this.redis;
  }
}
