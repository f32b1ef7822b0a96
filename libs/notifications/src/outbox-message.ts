import type { JsonObject } from '@duban/persistence';

/** A notification to write to the outbox, next to the event that caused it. */
export interface NewOutboxMessage {
  /** Stable per cause and recipient (e.g. `plan.imported:<hash>:role:admin`): a retried write adds nothing. */
  readonly idempotencyKey: string;
  readonly kind: string;
  /** A directory unit's id, or a role mailbox (role:coordinator…). */
  readonly recipient: string;
  /** The unit's name, for display (absent for role mailboxes). */
  readonly recipientName?: string | null;
  readonly title: string;
  readonly body: string;
  readonly payload?: JsonObject;
  /** Batched into the recipient's daily digest on external channels. */
  readonly digest?: boolean;
}
