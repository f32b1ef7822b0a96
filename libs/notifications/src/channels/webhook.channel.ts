import type { WebhookTarget } from './channel-target';
import { postJson } from './http-post';
import type { ChannelMessage, NotificationChannel } from './notification-channel';
import { webhookSignature } from './webhook-signature';

export interface WebhookChannelOptions {
  readonly timeoutMs: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** The JSON a generic webhook receives. */
export interface WebhookPayload {
  /** The idempotency key: the same message always has the same id. */
  readonly id: string;
  readonly kind: string;
  /** The unit's directory id. */
  readonly recipient: string;
  /** The unit's name, for display (null when unknown). */
  readonly recipientName: string | null;
  readonly title: string;
  readonly body: string;
  readonly link: string | null;
  /** When the event happened (ISO 8601), null when unknown. */
  readonly occurredAt: string | null;
  /** When this attempt was sent (ISO 8601); covered by the signature, so receivers can refuse stale replays. */
  readonly sentAt: string;
}

export function webhookPayload(message: ChannelMessage, sentAt: number): WebhookPayload {
  return {
    id: message.idempotencyKey,
    kind: message.kind,
    recipient: message.recipient,
    recipientName: message.recipientName ?? null,
    title: message.title,
    body: message.body,
    link: message.link ?? null,
    occurredAt: message.at === undefined ? null : new Date(message.at).toISOString(),
    sentAt: new Date(sentAt).toISOString(),
  };
}

/**
 * Header values must be ISO-8859-1; keys may hold unit names (digest:<unit>:<date>),
 * so characters outside printable ASCII are percent-encoded (UTF-8). ASCII keys pass unchanged.
 */
export function idempotencyKeyHeader(key: string): string {
  return key.replace(/[^\x20-\x7e]+/g, (run) => encodeURIComponent(run));
}

/** Generic JSON webhook: POST, Idempotency-Key, and an HMAC signature when the unit set a secret. */
export function createWebhookChannel(options: WebhookChannelOptions): NotificationChannel<'webhook'> {
  const now = options.now ?? Date.now;
  return {
    kind: 'webhook',
    async send(message: ChannelMessage, target: WebhookTarget) {
      const sentAt = now();
      const body = JSON.stringify(webhookPayload(message, sentAt));
      const headers: Record<string, string> = {
        'idempotency-key': idempotencyKeyHeader(message.idempotencyKey),
        'user-agent': 'Duban-Notifier/1',
      };
      if (target.secret) {
        headers['x-duban-timestamp'] = String(Math.floor(sentAt / 1000));
        headers['x-duban-signature'] = webhookSignature(target.secret, body);
      }
      const response = await postJson({ kind: 'webhook', url: target.url, body, headers, timeoutMs: options.timeoutMs });
      return { kind: 'webhook', statusCode: response.status };
    },
  };
}
