import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InboxMessageEntity, OutboxMessageEntity } from '@duban/persistence';

export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'missing' | 'dead';

/**
 * Delivers one outbox message to the recipient's in-app inbox. Safe to run
 * twice for the same message (a redelivered job): the inbox row is unique per
 * outbox message and the outbox row is locked while it is handled.
 */
@Injectable()
export class OutboxDeliveryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async deliver(outboxMessageId: string): Promise<DeliveryOutcome> {
    return this.dataSource.transaction(async (manager) => {
      const message = await manager
        .getRepository(OutboxMessageEntity)
        .createQueryBuilder('outbox')
        .setLock('pessimistic_write')
        .where('outbox.id = :id', { id: outboxMessageId })
        .getOne();
      if (!message) return 'missing';
      if (message.status === 'delivered') return 'already-delivered';
      if (message.status === 'dead') return 'dead';
      await manager
        .createQueryBuilder()
        .insert()
        .into(InboxMessageEntity)
        .values({
          outboxMessageId: message.id,
          recipient: message.recipient,
          recipientName: message.recipientName,
          kind: message.kind,
          title: message.title,
          body: message.body,
          payload: message.payload,
        })
        .orIgnore()
        .execute();
      await manager.update(OutboxMessageEntity, { id: message.id }, { status: 'delivered', deliveredAt: new Date(), attempts: message.attempts + 1, lastError: null });
      return 'delivered';
    });
  }

  /** Outbox rows still pending (never attempted) `olderThanMs` after they were written: their enqueue was lost. */
  async strandedMessageIds(olderThanMs: number, limit = 1000): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM outbox_messages WHERE status = 'pending' AND attempts = 0 AND created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
      [olderThanMs / 1000, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Records a failed attempt; after the last retry the message is dead-lettered for an operator. */
  async recordFailure(outboxMessageId: string, error: string, final: boolean): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ attempts: () => 'attempts + 1', lastError: error.slice(0, 2000), status: final ? 'dead' : 'pending' })
      .where('id = :id AND status = :pending', { id: outboxMessageId, pending: 'pending' })
      .execute();
  }
}
