import type { ChannelTargetOf } from './channel-target';

/** The delivery channels besides the in-app inbox (which every message reaches). */
export const CHANNEL_KINDS = ['webhook', 'dingtalk', 'wecom', 'email'] as const;

export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export function isChannelKind(value: unknown): value is ChannelKind {
  return typeof value === 'string' && (CHANNEL_KINDS as readonly string[]).includes(value);
}

/** One notification as a channel sends it: the outbox row's content, addressed to one unit. */
export interface ChannelMessage {
  /** The outbox idempotency key (or `digest:<unit>:<date>`): receivers de-duplicate on it. */
  readonly idempotencyKey: string;
  /** What happened, e.g. assignment.urged, digest.daily. */
  readonly kind: string;
  /** The recipient unit's directory id (what subscriptions match on). */
  readonly recipient: string;
  /** The recipient unit's name, for display. */
  readonly recipientName?: string;
  readonly title: string;
  /** Plain text (Chinese); channels format it for their medium. */
  readonly body: string;
  /** Where to act on it in Duban's UI. */
  readonly link?: string;
  /** When the event happened, epoch ms (UTC). */
  readonly at?: number;
}

/** What a channel reports after the receiver accepted the message. */
export interface ChannelResult {
  readonly kind: ChannelKind;
  /** HTTP status for the webhook channels. */
  readonly statusCode?: number;
  /** The receiver's id for the message (the e-mail Message-ID). */
  readonly providerMessageId?: string;
  /** The receiver's short answer (robot errmsg, SMTP reply), for the log. */
  readonly response?: string;
}

/**
 * A pluggable delivery channel. `send` resolves when the receiver accepted the
 * message and throws a ChannelDeliveryError otherwise; its `retryable` tells the
 * queue whether another attempt can help.
 */
export interface NotificationChannel<K extends ChannelKind = ChannelKind> {
  readonly kind: K;
  send(message: ChannelMessage, target: ChannelTargetOf<K>): Promise<ChannelResult>;
}
