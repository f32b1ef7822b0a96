import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json-value';

/** A message in a unit's in-app inbox, delivered from the outbox. */
@Entity({ name: 'inbox_messages' })
@Index('idx_inbox_messages_recipient_created', ['recipient', 'createdAt'])
export class InboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** One inbox message per outbox message: redelivery of a job writes nothing new. */
  @Column({ name: 'outbox_message_id', type: 'uuid', unique: true })
  outboxMessageId!: string;

  /** The unit's id (or role mailbox), copied from the outbox message: inboxes are matched by id. */
  @Column({ type: 'text' })
  recipient!: string;

  /** The recipient unit's name, for display only. */
  @Column({ name: 'recipient_name', type: 'text', nullable: true })
  recipientName!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: JsonObject;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
