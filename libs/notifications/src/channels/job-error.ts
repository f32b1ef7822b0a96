import { UnrecoverableError } from 'bullmq';
import { ChannelDeliveryError } from './channel-delivery-error';

/**
 * What a BullMQ processor should throw for a failed send: a non-retryable
 * ChannelDeliveryError becomes an UnrecoverableError, so BullMQ fails the job
 * at once (dead letter) instead of spending its remaining attempts.
 */
export function toJobError(error: unknown): Error {
  if (error instanceof ChannelDeliveryError && !error.retryable) return new UnrecoverableError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

export interface RetryDelayOptions {
  /** Delay after the first failure; doubles with each attempt. */
  readonly baseMs: number;
  /** Upper bound of any delay, Retry-After included. */
  readonly maxMs: number;
}

/**
 * Exponential backoff that honours the receiver's Retry-After (a 429 or 503).
 * Usable as BullMQ's custom backoff strategy:
 * `settings: { backoffStrategy: (attempts, _type, err) => channelRetryDelayMs(attempts, err, options) }`.
 */
export function channelRetryDelayMs(attemptsMade: number, error: unknown, options: RetryDelayOptions): number {
  const exponential = options.baseMs * 2 ** Math.max(0, attemptsMade - 1);
  const retryAfter = error instanceof ChannelDeliveryError ? (error.retryAfterMs ?? 0) : 0;
  return Math.min(options.maxMs, Math.max(exponential, retryAfter));
}
