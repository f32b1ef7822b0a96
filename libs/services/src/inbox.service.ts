import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InboxMessageEntity, type JsonObject } from '@duban/persistence';
import { cappedCountSql, cappedTotal, decodeCursor, encodeCursor, type Page } from './page-window';
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
    const { text, values, count, limit, offset } = this.listForQuery(recipients, options);
    if (recipients.length === 0) return { items: [], total: 0, limit, offset, nextCursor: null };
    const rows = (await this.dataSource.query(text, values)) as (MailboxRow & { sort_value: string; total: number })[];
    // An empty page carries no total: counted on its own then (past the end, or nothing to show).
    const matched = rows[0]?.total ?? ((await this.dataSource.query(count.text, count.values)) as [{ count: number }])[0].count;
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ sort: INBOX_SORT, value: last.sort_value, tieBreaker: last.id }) : null;
    return { items: page.map(fromRow), ...cappedTotal(matched), limit, offset, nextCursor };
  }

  /**
   * The one statement an inbox page runs (bench:api times exactly this against the API): plain SQL, page and
   * capped count together (one round trip, one pool connection): the inbox is the busiest read, and TypeORM's
   * query building and entity hydration were most of its per-request CPU. `count` alone serves an empty page.
   */
  listForQuery(
    recipients: readonly string[],
    options: { limit?: number; offset?: number; cursor?: string; unread?: boolean; kind?: string } = {},
  ): { text: string; values: unknown[]; count: { text: string; values: unknown[] }; limit: number; offset: number } {
    const limit = Math.min(Math.max(options.limit ?? 50, 1), 500);
    const after = options.cursor !== undefined ? decodeCursor(options.cursor, INBOX_SORT) : undefined;
    const offset = after ? 0 : Math.max(options.offset ?? 0, 0);
    const values: unknown[] = [[...recipients]];
    const filter = (alias: string) =>
      [`${alias}.recipient = ANY($1::text[])`, ...(options.unread === true ? [`${alias}.read_at IS NULL`] : []), ...(options.kind !== undefined ? [`${alias}.kind = $2`] : [])].join(' AND ');
    if (options.kind !== undefined) values.push(options.kind);
    const count = { text: cappedCountSql(`inbox_messages c WHERE ${filter('c')}`), values: [...values] };
    let keyset = '';
    if (after) {
      values.push(after.value, after.tieBreaker);
      const at = `CAST($${values.length - 1} AS timestamptz)`;
      // Newest first, ties by id ascending (the order offset pages have always had).
      keyset = ` AND (m.created_at < ${at} OR (m.created_at = ${at} AND m.id > $${values.length}::uuid))`;
    }
    values.push(offset, limit + 1);
    const text = `SELECT m.id, m.kind, m.title, m.body, m.payload, m.created_at, m.read_at, m.recipient, m.recipient_name, CAST(m.created_at AS text) AS sort_value, (${count.text}) AS total
         FROM inbox_messages m WHERE ${filter('m')}${keyset}
        ORDER BY m.created_at DESC, m.id ASC OFFSET $${values.length - 1} LIMIT $${values.length}`;
    return { text, values, count, limit, offset };
  }

  /**
   * Read receipt: marks a message read (the first time only; reading again
   * keeps the first time). A message to someone else is not_found.
   */
  async markRead(messageId: string, recipients: readonly string[]): Promise<MailboxItem> {
    if (!isUuid(messageId)) throw new ServiceError('not_found', `消息 ${messageId} 不存在`);
    // One round trip (was: read, update, read again): the message if it is the caller's, stamped read unless it
    // already was (no write then), with the time it was first read.
    const rows = (await this.dataSource.query(
      `WITH target AS (SELECT * FROM inbox_messages WHERE id = $1 AND recipient = ANY($2::text[])),
            marked AS (UPDATE inbox_messages m SET read_at = now() FROM target WHERE m.id = target.id AND m.read_at IS NULL RETURNING m.read_at)
       SELECT target.id, target.kind, target.title, target.body, target.payload, target.created_at, target.recipient, target.recipient_name,
              COALESCE(target.read_at, (SELECT read_at FROM marked)) AS read_at
         FROM target`,
      [messageId, [...recipients]],
    )) as MailboxRow[];
    const row = rows[0];
    if (!row) throw new ServiceError('not_found', `消息 ${messageId} 不存在`);
    return fromRow(row);
  }
}

/** A message as plain SQL returns it (snake_case columns). */
interface MailboxRow {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly payload: JsonObject;
  readonly created_at: Date;
  readonly read_at: Date | null;
  readonly recipient: string;
  readonly recipient_name: string | null;
}

function fromRow(row: MailboxRow): MailboxItem {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    payload: row.payload,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
    recipient: row.recipient,
    recipientName: row.recipient_name,
  };
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
