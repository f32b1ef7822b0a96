import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { JsonObject } from './json-value';

/**
 * Where a unit wants its notifications besides the in-app inbox: a webhook, a
 * DingTalk or WeCom group robot, or e-mail; `digest` ones get one daily summary
 * of reminders and urges instead of each message.
 */
@Entity({ name: 'channel_subscriptions' })
@Index('idx_channel_subscriptions_unit', ['unit'])
export class ChannelSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The directory unit's id: matched against outbox recipients (ids). */
  @Column({ type: 'text' })
  unit!: string;

  /** The unit's name, for display only. */
  @Column({ name: 'unit_name', type: 'text', nullable: true })
  unitName!: string | null;

  /** webhook / dingtalk / wecom / email. */
  @Column({ type: 'text' })
  kind!: string;

  /** The channel's settings (URL and secret, or e-mail address). Robot URLs carry credentials. */
  @Column({ type: 'jsonb' })
  target!: JsonObject;

  @Column({ type: 'boolean', default: false })
  digest!: boolean;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
