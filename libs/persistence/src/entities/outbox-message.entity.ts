import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json-value';

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/**
 * A notification written in the same transaction as the event that caused it
 * (transactional outbox); BullMQ delivers it afterwards. The idempotency key
 * makes a retried activity write it once.
 */
@Entity({ name: 'outbox_messages' })
@Index('idx_outbox_messages_status_created', ['status', 'createdAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'idempotency_key', type: 'text', unique: true })
  idempotencyKey!: string;

  /** What happened, e.g. plan.imported, assignment.urged. */
  @Column({ type: 'text' })
  kind!: string;

  /**
   * Recipient: a directory unit's id, or a role mailbox such as role:admin. (Rows of units no directory entry
   * placed keep the printed name.)
   */
  @Column({ type: 'text' })
  recipient!: string;

  /** The recipient unit's name, for display only (null for role mailboxes and legacy name-keyed rows). */
  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: JsonObject;

  /** Batched into the recipient's daily digest on external channels (reminders, urges) instead of sent one by one. */
  @Column({ type: 'boolean', default: false })
  digest!: boolean;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
