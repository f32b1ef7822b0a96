import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EscalationEntity } from '@duban/persistence';
import type { Page } from './assignment.service';
import { isUuid } from './plan.service';
import { labelledEscalation } from './labelled-escalation';

export interface EscalationFilter {
  readonly planId?: string;
  readonly unit?: string;
  readonly level?: string;
  /** ISO instants: from inclusive, to exclusive. */
  readonly from?: string;
  readonly to?: string;
  /** Only these units' escalations (a unit's staff sees its own). */
  readonly units?: readonly string[];
}

export interface EscalationItem {
  readonly id: string;
  readonly assignmentId: string;
  readonly planId: string;
  readonly unitName: string;
  readonly seq: number;
  readonly level: string;
  readonly levelLabel: string;
  readonly source: string;
  readonly sourceLabel: string;
  readonly reason: string | null;
  readonly occurredAt: string;
}

/** Escalations (催办/督办/通报/约谈) across assignments, newest first. */
@Injectable()
export class EscalationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(filter: EscalationFilter, page: { limit?: number; offset?: number } = {}): Promise<Page<EscalationItem>> {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
    const offset = Math.max(page.offset ?? 0, 0);
    const query = this.dataSource.getRepository(EscalationEntity).createQueryBuilder('e');
    if (filter.planId !== undefined) query.andWhere('e.plan_id = :planId', { planId: isUuid(filter.planId) ? filter.planId : '00000000-0000-0000-0000-000000000000' });
    if (filter.unit !== undefined) query.andWhere('e.unit_name = :unit', { unit: filter.unit });
    if (filter.units !== undefined) query.andWhere('e.unit_name IN (:...units)', { units: filter.units.length ? filter.units : [''] });
    if (filter.level !== undefined) query.andWhere('e.level = :level', { level: filter.level });
    if (filter.from !== undefined) query.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('e.occurred_at < :to', { to: filter.to });
    query.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'ASC').skip(offset).take(limit);
    const [rows, total] = await query.getManyAndCount();
    return {
      items: rows.map(({ id, assignmentId, planId, unitName, seq, level, source, reason, occurredAt }) =>
        labelledEscalation({ id, assignmentId, planId, unitName, seq, level, source, reason, occurredAt: occurredAt.toISOString() }),
      ),
      total,
      limit,
      offset,
    };
  }
}
