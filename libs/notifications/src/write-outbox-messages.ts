import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '@duban/persistence';
import type { NewOutboxMessage } from './outbox-message';

/**
 * Writes outbox messages inside the caller's transaction, skipping ones whose
 * idempotency key exists, and returns the ids of ALL of them (new or earlier),
 * so a retried caller enqueues the same set.
 */
export async function writeOutboxMessages(manager: EntityManager, messages: readonly NewOutboxMessage[]): Promise<string[]> {
  if (messages.length === 0) return [];
  await manager
    .createQueryBuilder()
    .insert()
    .into(OutboxMessageEntity)
    .values(messages.map((message) => toEntity(message)))
    .orIgnore()
    .execute();
  const rows = await manager
    .getRepository(OutboxMessageEntity)
    .createQueryBuilder('outbox')
    .select(['outbox.id', 'outbox.idempotencyKey'])
    .where('outbox.idempotency_key IN (:...keys)', { keys: messages.map((message) => message.idempotencyKey) })
    .getMany();
  const idByKey = new Map(rows.map((row) => [row.idempotencyKey, row.id]));
  return messages.map((message) => {
    const id = idByKey.get(message.idempotencyKey);
    if (!id) throw new Error(`outbox message ${message.idempotencyKey} was neither written nor found`);
    return id;
  });
}

function toEntity(message: NewOutboxMessage): OutboxMessageEntity {
  const entity = new OutboxMessageEntity();
  entity.idempotencyKey = message.idempotencyKey;
  entity.kind = message.kind;
  entity.recipient = message.recipient;
  entity.recipientName = message.recipientName ?? null;
  entity.title = message.title;
  entity.body = message.body;
  entity.payload = message.payload ?? {};
  entity.digest = message.digest ?? false;
  return entity;
}
