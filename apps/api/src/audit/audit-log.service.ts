import { Injectable } from '@nestjs/common';
import { AuditLogEntryEntity } from '@duban/persistence';
import { DataSource } from 'typeorm';
import type { AuditLogQueryDto } from './audit-log-query.dto';

export type NewAuditLogEntry = Omit<AuditLogEntryEntity, 'id' | 'occurredAt'>;

export interface AuditLogPage {
  readonly items: AuditLogEntryEntity[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Writes and reads the audit log. Append-only by design: there is no update or delete here (and the database refuses both). */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async append(entry: NewAuditLogEntry): Promise<void> {
    await this.dataSource.getRepository(AuditLogEntryEntity).insert(entry);
  }

  /** Newest first. */
  async query(filters: AuditLogQueryDto): Promise<AuditLogPage> {
    const limit = filters.limit ?? 50;
    const offset = filters.offset ?? 0;
    const query = this.dataSource.getRepository(AuditLogEntryEntity).createQueryBuilder('entry');
    if (filters.userId) query.andWhere('entry.user_id = :userId', { userId: filters.userId });
    if (filters.username) query.andWhere('entry.username = :username', { username: filters.username.toLowerCase() });
    if (filters.method) query.andWhere('entry.method = :method', { method: filters.method });
    if (filters.pathPrefix) query.andWhere("entry.path LIKE :prefix ESCAPE '\\'", { prefix: `${escapeLike(filters.pathPrefix)}%` });
    if (filters.status !== undefined) query.andWhere('entry.status_code = :status', { status: filters.status });
    if (filters.from) query.andWhere('entry.occurred_at >= :from', { from: new Date(filters.from) });
    if (filters.to) query.andWhere('entry.occurred_at < :to', { to: new Date(filters.to) });
    const [items, total] = await query.orderBy('entry.id', 'DESC').take(limit).skip(offset).getManyAndCount();
    return { items, total, limit, offset };
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
