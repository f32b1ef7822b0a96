import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ChannelDeliveryStatus = 'sent' | 'dead';

/**
 * One message (or daily digest) sent to one subscription. Unique per pair, so
 * a redelivered job never sends twice; `dead` after the last retry or a
 * permanent refusal (the dead-letter state an operator looks at).
 */
@Entity({ name: 'channel_deliveries' })
@Index('uq_channel_deliveries', ['messageKey', 'subscriptionId'], { unique: true })
export class ChannelDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The outbox message's idempotency key, or `digest:<unit>:<date>`. */
  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  status!: ChannelDeliveryStatus;

  @Column({ type: 'integer', default: 1 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'finished_at', type: 'timestamptz', default: () => 'now()' })
  finishedAt!: Date;
}
