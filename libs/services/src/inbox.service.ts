import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InboxMessageEntity, type JsonObject } from '@duban/persistence';
import { cappedCount, decodeCursor, encodeCursor, type Page } from './page-window';
import { isUuid } from './plan.service';
import { ServiceError } from './service-errors';

export interface InboxItem {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly payload: JsonObject;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface MailboxItem extends InboxItem {
  /** The unit's directory id, or a role mailbox. */
  readonly recipient: string;
  /** The unit's name, for display (null for role mailboxes). */
  readonly recipientName: string | null;
}

const INBOX_SORT = '-createdAt';

/** A unit's (or role mailbox's) in-app inbox. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(recipient: string, limit = 50): Promise<InboxItem[]> {
    const rows = await this.dataSource.getRepository(InboxMessageEntity).find({
      where: { recipient },
      order: { createdAt: 'DESC' },
      take: Math.min(Math.max(limit, 1), 500),
    });
    return rows.map(toItem);
  }

  /**
   * Messages to any of `recipients` (a user's units and role mailbox), newest
   * first: by offset, or after a keyset `cursor` (the previous page's
   * nextCursor). The total is capped at TOTAL_CAP (`totalCapped: true`).
   */
  async listFor(
    recipients: readonly string[],
    options: { limit?: number; offset?: number; cursor?: string; unread?: boolean; kind?: string } = {},
  ): Promise<Page<MailboxItem>> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const after = options.cursor !== undefined ? decodeCursor(options.cursor, INBOX_SORT) : undefined;
    const offset = after ? 0 : Math.max(options.offset ?? 0, 0);
    if (recipients.length === 0) return { items: [], total: 0, limit, offset, nextCursor: null };
    const query = this.dataSource.getRepository(InboxMessageEntity).createQueryBuilder('m').where('m.recipient IN (:...recipients)', { recipients: [...recipients] });
    if (options.unread === true) query.andWhere('m.read_at IS NULL');
    if (options.kind !== undefined) query.andWhere('m.kind = :kind', { kind: options.kind });
    const counted = cappedCount(this.dataSource, query);
    // Newest first, ties by id ascending (the order offset pages have always had).
    if (after) query.andWhere('(m.created_at < CAST(:cursorAt AS timestamptz) OR (m.created_at = CAST(:cursorAt AS timestamptz) AND m.id > :cursorId))', { cursorAt: after.value, cursorId: after.tieBreaker });
    query.addSelect('CAST(m.created_at AS text)', 'sort_value').orderBy('m.created_at', 'DESC').addOrderBy('m.id', 'ASC').offset(offset).limit(limit + 1);
    const [{ entities, raw }, total] = await Promise.all([query.getRawAndEntities<{ sort_value: string }>(), counted]);
    const rows = entities.slice(0, limit);
    const last = rows.at(-1);
    const nextCursor = entities.length > limit && last ? encodeCursor({ sort: INBOX_SORT, value: raw[limit - 1]!.sort_value, tieBreaker: last.id }) : null;
    return { items: rows.map((row) => ({ ...toItem(row), recipient: row.recipient, recipientName: row.recipientName })), ...total, limit, offset, nextCursor };
  }

  /**
   * Read receipt: marks a message read (the first time only; reading again
   * keeps the first time). A message to someone else is not_found.
   */
  async markRead(messageId: string, recipients: readonly string[]): Promise<MailboxItem> {
    const repository = this.dataSource.getRepository(InboxMessageEntity);
    const row = isUuid(messageId) ? await repository.findOneBy({ id: messageId }) : null;
    if (!row || !recipients.includes(row.recipient)) throw new ServiceError('not_found', `消息 ${messageId} 不存在`);
    if (row.readAt === null) {
      await repository.createQueryBuilder().update().set({ readAt: () => 'now()' }).where('id = :id AND read_at IS NULL', { id: messageId }).execute();
    }
    const updated = await repository.findOneByOrFail({ id: messageId });
    return { ...toItem(updated), recipient: updated.recipient, recipientName: updated.recipientName };
  }
}

function toItem(row: InboxMessageEntity): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
