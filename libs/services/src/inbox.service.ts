import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { InboxMessageEntity, type JsonObject } from '@duban/persistence';
import type { Page } from './assignment.service';
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
  readonly recipient: string;
}

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

  /** Messages to any of `recipients` (a user's units and role mailbox), newest first, paginated. */
  async listFor(recipients: readonly string[], options: { limit?: number; offset?: number; unread?: boolean; kind?: string } = {}): Promise<Page<MailboxItem>> {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const offset = Math.max(options.offset ?? 0, 0);
    if (recipients.length === 0) return { items: [], total: 0, limit, offset };
    const [rows, total] = await this.dataSource.getRepository(InboxMessageEntity).findAndCount({
      where: {
        recipient: In([...recipients]),
        ...(options.unread === true ? { readAt: IsNull() } : {}),
        ...(options.kind !== undefined ? { kind: options.kind } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: offset,
      take: limit,
    });
    return { items: rows.map((row) => ({ ...toItem(row), recipient: row.recipient })), total, limit, offset };
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
    return { ...toItem(updated), recipient: updated.recipient };
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
