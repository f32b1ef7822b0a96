import { ChannelDeliveryError } from './channel-delivery-error';
import type { ChannelKind } from './notification-channel';

export interface HttpPostRequest {
  readonly kind: ChannelKind;
  readonly url: string;
  /** The exact bytes to send (signatures are computed over them). */
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
}

export interface HttpPostResponse {
  readonly status: number;
  readonly text: string;
}

/** Longest receiver answer quoted in an error (they land in the outbox row). */
const MAX_QUOTED = 300;

/**
 * POSTs a JSON body with a hard timeout. Resolves only on a 2xx; otherwise
 * throws a ChannelDeliveryError classified by isRetryableStatus. Redirects are
 * not followed: a POST must not turn into a GET, nor be sent to a host the
 * unit did not configure.
 */
export async function postJson(request: HttpPostRequest): Promise<HttpPostResponse> {
  const url = parseHttpUrl(request.kind, request.url);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...request.headers },
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new ChannelDeliveryError(request.kind, describeFetchFailure(error, request.timeoutMs), { retryable: true, cause: error });
  }
  if (response.status >= 200 && response.status < 300) return { status: response.status, text };
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
  throw new ChannelDeliveryError(request.kind, `HTTP ${response.status}${text ? `: ${quote(text)}` : ''}`, {
    retryable: isRetryableStatus(response.status),
    statusCode: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/** 408, 429 and 5xx may pass later; any other non-2xx (3xx, 4xx) is a request the receiver will keep refusing. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Retry-After as delta-seconds or an HTTP date, in ms from `now`. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Shortens a receiver's answer for an error message. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTED ? `${flat.slice(0, MAX_QUOTED)}…` : flat;
}

function parseHttpUrl(kind: ChannelKind, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ChannelDeliveryError(kind, 'target URL is not a valid URL', { retryable: false });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ChannelDeliveryError(kind, `target URL must use http or https, got ${url.protocol}`, { retryable: false });
  }
  return url;
}

function describeFetchFailure(error: unknown, timeoutMs: number): string {
  // Duck-typed: fetch's errors (DOMException, undici's TypeError) may come from another realm, where instanceof Error fails.
  const name = property(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  // undici reports the socket error as the cause of a generic "fetch failed".
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  const reason = property(cause, 'code') ?? property(cause, 'message') ?? property(error, 'message') ?? String(error);
  return `request failed: ${reason}`;
}

function property(value: unknown, key: 'name' | 'code' | 'message'): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}
