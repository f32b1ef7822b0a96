import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InboxMessageEntity, type JsonObject } from '@duban/persistence';

export interface InboxItem {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly body: string;
  readonly payload: JsonObject;
  readonly createdAt: string;
  readonly readAt: string | null;
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
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      payload: row.payload,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt ? row.readAt.toISOString() : null,
    }));
  }
}
