import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { instantAfterDay, shanghaiInstant } from '@duban/calendar';
import { ChannelDeliveryEntity, ChannelSubscriptionEntity, OutboxMessageEntity } from '@duban/persistence';
import { createChannelRegistry, enabledChannelKinds, type ChannelRegistry } from './channels/channel-registry';
import { loadChannelSettings } from './channels/channel-settings';
import { routeToChannels, unitsWithDigest } from './channels/channel-routing';
import { sendToSubscription } from './channels/channel-registry';
import type { UnitChannelSubscription } from './channels/channel-subscription';
import type { ChannelMessage } from './channels/notification-channel';
import { buildDailyDigest } from './digest/build-daily-digest';

/** One send to do: a message (or digest) to one subscription. */
export interface ChannelSend {
  readonly messageKey: string;
  readonly subscriptionId: string;
  readonly message: ChannelMessage;
}

/**
 * Sends notifications to the units' external channels (webhook, DingTalk,
 * WeCom, e-mail) once each: a (message, subscription) pair is recorded when
 * sent, and a redelivered job finds it there.
 */
@Injectable()
export class ChannelDeliveryService {
  private readonly registry: ChannelRegistry = createChannelRegistry(loadChannelSettings());

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The sends an outbox message needs right now (digest subscriptions get it in the daily digest). */
  async immediateSends(outboxMessageId: string): Promise<ChannelSend[]> {
    const message = await this.dataSource.getRepository(OutboxMessageEntity).findOneBy({ id: outboxMessageId });
    if (!message || message.recipient.startsWith('role:')) return [];
    const subscriptions = await this.subscriptionsOf([message.recipient]);
    const route = routeToChannels(
      subscriptions.map((row) => row.subscription),
      { recipient: message.recipient, kind: message.kind, digest: message.digest },
      enabledChannelKinds(this.registry),
    );
    const chosen = new Set(route.now);
    return subscriptions
      .filter((row) => chosen.has(row.subscription))
      .map((row) => ({
        messageKey: message.idempotencyKey,
        subscriptionId: row.id,
        message: { idempotencyKey: message.idempotencyKey, kind: message.kind, recipient: message.recipient, ...(message.recipientName ? { recipientName: message.recipientName } : {}), title: message.title, body: message.body, at: message.createdAt.getTime() },
      }));
  }

  /** The day's digests (Asia/Shanghai business date): one per unit and digest subscription, when it has anything. */
  async digestSends(date: string): Promise<ChannelSend[]> {
    const all = await this.dataSource.getRepository(ChannelSubscriptionEntity).findBy({ enabled: true, digest: true });
    const rows = all.map((row) => ({ id: row.id, subscription: toSubscription(row) }));
    const units = unitsWithDigest(rows.map((row) => row.subscription), enabledChannelKinds(this.registry));
    if (units.length === 0) return [];
    const messages = await this.dataSource
      .getRepository(OutboxMessageEntity)
      .createQueryBuilder('m')
      .where('m.digest = true AND m.recipient IN (:...units)', { units })
      .andWhere('m.created_at >= :from AND m.created_at < :to', { from: new Date(shanghaiInstant(date, '00:00')), to: new Date(instantAfterDay(date)) })
      .getMany();
    const sends: ChannelSend[] = [];
    for (const unit of units) {
      const mine = messages.filter((message) => message.recipient === unit);
      // Recipients are unit ids: the text names the unit by its display name (the subscription's, else a message's).
      const unitName = all.find((row) => row.unit === unit && row.unitName)?.unitName ?? mine.find((message) => message.recipientName)?.recipientName ?? undefined;
      const digest = buildDailyDigest(
        unit,
        mine.map((message) => ({ idempotencyKey: message.idempotencyKey, kind: message.kind, title: message.title, at: message.createdAt.getTime() })),
        date,
        unitName ? { unitName } : {},
      );
      if (!digest) continue;
      for (const row of rows.filter((candidate) => candidate.subscription.unit === unit)) {
        sends.push({ messageKey: digest.idempotencyKey, subscriptionId: row.id, message: digest });
      }
    }
    return sends;
  }

  /** Sends once; returns false when this pair was already sent (or dead-lettered) earlier. */
  async send(send: ChannelSend): Promise<boolean> {
    const done = await this.dataSource.getRepository(ChannelDeliveryEntity).findOneBy({ messageKey: send.messageKey, subscriptionId: send.subscriptionId });
    if (done) return false;
    const row = await this.dataSource.getRepository(ChannelSubscriptionEntity).findOneBy({ id: send.subscriptionId, enabled: true });
    if (!row) return false;
    await sendToSubscription(this.registry, send.message, toSubscription(row));
    await this.record(send, row.kind, 'sent', null, 1);
    return true;
  }

  /** The dead-letter state: the last retry failed, or the channel refused for good. */
  async recordDead(send: ChannelSend, error: string, attempts: number): Promise<void> {
    const row = await this.dataSource.getRepository(ChannelSubscriptionEntity).findOneBy({ id: send.subscriptionId });
    await this.record(send, row?.kind ?? 'unknown', 'dead', error.slice(0, 2000), attempts);
  }

  private async record(send: ChannelSend, kind: string, status: 'sent' | 'dead', lastError: string | null, attempts: number): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(ChannelDeliveryEntity)
      .values({ messageKey: send.messageKey, subscriptionId: send.subscriptionId, kind, status, lastError, attempts })
      .orIgnore()
      .execute();
  }

  private async subscriptionsOf(units: string[]): Promise<{ id: string; subscription: UnitChannelSubscription }[]> {
    const rows = await this.dataSource.getRepository(ChannelSubscriptionEntity).findBy({ unit: In(units), enabled: true });
    return rows.map((row) => ({ id: row.id, subscription: toSubscription(row) }));
  }
}

function toSubscription(row: ChannelSubscriptionEntity): UnitChannelSubscription {
  return { unit: row.unit, kind: row.kind, target: row.target, digest: row.digest } as unknown as UnitChannelSubscription;
}
