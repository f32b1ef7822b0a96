import type { ChannelKind } from './notification-channel';

export interface ChannelDeliveryErrorDetails {
  /** Whether another attempt can succeed (rate limit, 5xx, timeout, network) or not (bad request, bad config). */
  readonly retryable: boolean;
  readonly statusCode?: number;
  /** DingTalk / WeCom errcode, or the SMTP reply code. */
  readonly errcode?: number;
  /** Retry-After from a 429 or 503, when the receiver sent one. */
  readonly retryAfterMs?: number;
  readonly cause?: unknown;
}

/**
 * A channel did not deliver. The message never contains the target URL (robot
 * URLs carry credentials), so it is safe to store as the outbox row's last error.
 */
export class ChannelDeliveryError extends Error {
  override readonly name = 'ChannelDeliveryError';
  readonly retryable: boolean;
  readonly statusCode?: number;
  readonly errcode?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly kind: ChannelKind,
    message: string,
    details: ChannelDeliveryErrorDetails,
  ) {
    super(`${kind}: ${message}`, details.cause === undefined ? undefined : { cause: details.cause });
    this.retryable = details.retryable;
    this.statusCode = details.statusCode;
    this.errcode = details.errcode;
    this.retryAfterMs = details.retryAfterMs;
  }
}

export function isChannelDeliveryError(error: unknown): error is ChannelDeliveryError {
  return error instanceof ChannelDeliveryError;
}
