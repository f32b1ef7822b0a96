import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  authorize,
  checkReassignTarget,
  checkTalk,
  COMMAND_ALLOWED_STATUSES,
  escalationLevelLabelOf,
  eventTypeLabelOf,
  isTerminalStatus,
  lightLabelOf,
  overdueSql,
  responsibilityLabelOf,
  roleLabelOf,
  statusLabelOf,
  targetsWithActuals,
  type Actor,
  type AssignmentCommand,
  type AssignmentState,
  type AssignmentStatus,
  type AssignmentTarget,
  type RecordedActual,
} from '@duban/domain';
import { AssignmentEntity } from '@duban/persistence';
import { workflowCounter } from '@duban/metrics';
import { isUnavailable, withDeadline } from '@duban/resilience';
import { TemporalClientProvider } from '@duban/temporal';
import { assignmentUpdates, HUMAN_COMMAND_TYPES, type AssignmentView, type HumanCommandType } from '@duban/workflows';
import { requestAssignmentRepair } from './assignment-repair.request';
import { assignmentTextCondition } from './assignment-text-filter';
import { cappedCountSql, cappedTotal, decodeCursor, encodeCursor, type Page } from './page-window';
import { isUuid } from './plan.service';
import { actorForHolder, canReadUnit, holderKeyFor } from './read-scope';
import { rejectionError } from './rejection-errors';
import { ServiceError } from './service-errors';
import { labelledEscalation } from './labelled-escalation';

export interface AssignmentFilter {
  readonly planId?: string;
  readonly taskNumber?: number;
  readonly unit?: string;
  /** One directory unit's assignments (what a unit filter sends). */
  readonly unitId?: string;
  readonly region?: string;
  readonly status?: string;
  readonly light?: string;
  readonly overdue?: boolean;
  readonly dueFrom?: string;
  readonly dueTo?: string;
  readonly text?: string;
  /** Only these units' assignments (a unit's staff sees its own). */
  readonly units?: readonly string[];
}

export const ASSIGNMENT_SORTS = ['dueDate', '-dueDate', 'unitName', 'taskNumber', '-updatedAt', 'light'] as const;
export type AssignmentSort = (typeof ASSIGNMENT_SORTS)[number];

export type { Page } from './page-window';

/**
 * Each sort as a SQL expression, its direction, the type its cursor value casts
 * to, and whether it may be null (only ascending ones: PostgreSQL puts nulls last).
 */
const SORT_ORDERS: Record<AssignmentSort, { expression: string; direction: 'ASC' | 'DESC'; type: string; nullable?: true }> = {
  dueDate: { expression: 'a.due_date', direction: 'ASC', type: 'date' },
  '-dueDate': { expression: 'a.due_date', direction: 'DESC', type: 'date' },
  unitName: { expression: 'a.unit_name', direction: 'ASC', type: 'text' },
  taskNumber: { expression: 'a.task_number', direction: 'ASC', type: 'integer', nullable: true },
  '-updatedAt': { expression: 'a.updated_at', direction: 'DESC', type: 'timestamptz' },
  light: { expression: "CASE a.light WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE 3 END", direction: 'ASC', type: 'integer' },
};

export interface AssignmentSummary {
  readonly id: string;
  readonly planId: string;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  /** The directory unit holding the assignment. */
  readonly unitId: string | null;
  readonly unitName: string;
  readonly responsibility: string;
  readonly region: string | null;
  readonly responsibilityLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly light: string;
  readonly lightLabel: string;
  readonly lightReasons: readonly unknown[];
  readonly dueDate: string;
  readonly percent: number | null;
  readonly escalationLevel: string | null;
  readonly escalationLevelLabel: string | null;
  readonly talkCount: number;
  readonly proposed: boolean;
  readonly updatedAt: string;
}

/** Assignment use cases: list and read from the Postgres read model; act through the workflow's Updates. */
@Injectable()
export class AssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /**
   * A page of assignments: by offset, or after a keyset `cursor` (the previous
   * page's nextCursor; cost independent of depth). The total is capped at
   * TOTAL_CAP (`totalCapped: true`) so a first page never pays for counting
   * every match. One statement (listQuery), read as plain rows: TypeORM's entity
   * hydration of 51 full rows was the largest cost of a list request in bench:api's profile.
   */
  async list(filter: AssignmentFilter, page: { limit?: number; offset?: number; sort?: AssignmentSort; cursor?: string } = {}): Promise<Page<AssignmentSummary>> {
    const { text, values, limit, offset, sort } = this.listQuery(filter, page);
    const rows = (await this.dataSource.query(text, values)) as SummaryRow[];
    // An empty page carries no total: counted on its own then (past the end, or nothing matches).
    const matched = rows[0]?.total ?? (await this.countMatching(filter));
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ sort, value: last.sort_value, tieBreaker: last.a_key }) : null;
    return { items: items.map(fromSummaryRow), ...cappedTotal(matched), limit, offset, nextCursor };
  }

  /**
   * The one statement a list request runs (bench:api times exactly this against the API): the page's rows
   * (limit + 1, to know whether a next page exists), only the columns a summary shows (never the workflow
   * state, targets or milestones), and beside them the count of matches up to TOTAL_CAP + 1.
   */
  listQuery(
    filter: AssignmentFilter,
    page: { limit?: number; offset?: number; sort?: AssignmentSort; cursor?: string } = {},
  ): { text: string; values: unknown[]; limit: number; offset: number; sort: AssignmentSort } {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
    const sort = page.sort ?? 'dueDate';
    const order = SORT_ORDERS[sort];
    const after = page.cursor !== undefined ? decodeCursor(page.cursor, sort) : undefined;
    const offset = after ? 0 : Math.max(page.offset ?? 0, 0);
    const values: unknown[] = [];
    const where = filterCondition(filter, values);
    const count = cappedCountSql(`assignments a WHERE ${where}`);
    let keyset = '';
    if (after) {
      const value = after.value === null ? null : `$${values.push(after.value)}`;
      keyset = ` AND ${keysetCondition(order, value, `$${values.push(after.tieBreaker)}`)}`;
    }
    const text = `SELECT ${SUMMARY_COLUMNS}, CAST(a.due_date AS text) AS due_date_text, CAST(${order.expression} AS text) AS sort_value, (${count}) AS total
         FROM assignments a WHERE ${where}${keyset}
        ORDER BY ${order.expression} ${order.direction}, a.key ASC LIMIT $${values.push(limit + 1)} OFFSET $${values.push(offset)}`;
    return { text, values, limit, offset, sort };
  }

  private async countMatching(filter: AssignmentFilter): Promise<number> {
    const values: unknown[] = [];
    const where = filterCondition(filter, values);
    const [{ count }] = (await this.dataSource.query(cappedCountSql(`assignments a WHERE ${where}`), values)) as [{ count: number }];
    return count;
  }

  /** One assignment with its milestones, event log, progress reports and escalations. */
  async get(assignmentId: string) {
    return fromDetailRow(await this.readDetail(assignmentId));
  }

  /**
   * One assignment as `actor` may see it: another unit's assignment answers
   * not_found to a unit's staff (its existence is not revealed).
   */
  async getFor(assignmentId: string, actor: Actor) {
    // One statement serves both the scope check and the answer.
    const row = await this.readDetail(assignmentId);
    if (!canReadUnit(actor, { unitId: row.a_unit_id, unitName: row.a_unit_name })) throw new ServiceError('not_found', `任务 ${assignmentId} 不存在`);
    return fromDetailRow(row);
  }

  /**
   * The one statement an assignment's detail runs (bench:api times exactly this against the API): the row and,
   * as JSON arrays in order, its milestones, events, progress reports and escalations — one round trip where
   * there were two (the row, then four reads at once), and no entity hydration.
   */
  detailQuery(assignmentId: string): { text: string; values: unknown[] } {
    return { text: DETAIL_SQL, values: [assignmentId] };
  }

  private async readDetail(assignmentId: string): Promise<DetailRow> {
    const { text, values } = this.detailQuery(assignmentId);
    const row = isUuid(assignmentId) ? ((await this.dataSource.query(text, values)) as DetailRow[])[0] : undefined;
    if (!row) throw new ServiceError('not_found', `任务 ${assignmentId} 不存在`);
    return row;
  }

  /** Throws not_found when the assignment does not exist or belongs to a unit `actor` may not read. */
  async assertVisible(assignmentId: string, actor: Actor): Promise<void> {
    const row = await this.find(assignmentId);
    if (!canReadUnit(actor, row)) throw new ServiceError('not_found', `任务 ${assignmentId} 不存在`);
  }

  /** The unit the assignment belongs to (for authorization before anything else is read). */
  async unitOf(assignmentId: string): Promise<string> {
    return (await this.find(assignmentId)).unitName;
  }

  /**
   * Performs a human action through the assignment workflow's Update. A
   * request id makes a retried request act once (Temporal deduplicates Updates by id).
   */
  async act(assignmentId: string, command: AssignmentCommand, actor: Actor, requestId?: string): Promise<AssignmentView> {
    if (!HUMAN_COMMAND_TYPES.includes(command.type as HumanCommandType)) {
      throw new ServiceError('invalid_input', `未知的操作“${command.type}”`);
    }
    const row = await this.find(assignmentId);
    // Checked here too, so a unit never learns more than "forbidden" about another unit's assignment.
    const holder = holderKeyFor(actor, row);
    const allowed = authorize(actor, { unitId: holder }, command.type);
    if (!allowed.ok) throw rejectionError(allowed.code, allowed.reason);
    await this.checkPolicy(row, command);
    const client = await this.temporal.client();
    const handle = client.workflow.getHandle(row.workflowId);
    // Bounded: a worker that does not answer (down, or the assignment's recording retrying) gives a 503, never a hang.
    const timeoutMs = this.config.updateTimeoutMs;
    try {
      const view = await withDeadline(
        client.withDeadline(Date.now() + timeoutMs, () =>
          handle.executeUpdate(assignmentUpdates[command.type as HumanCommandType], {
            args: [{ command, actor: actorForHolder(actor, row) }],
            ...(requestId ? { updateId: `${command.type}:${requestId}` } : {}),
          }),
        ),
        timeoutMs + 1000,
        'the assignment workflow',
      );
      workflowCounter.inc({ workflow: 'assignment', event: `action:${command.type}` });
      return view;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        throw rejectionError(error.cause.type ?? 'conflict', error.cause.message);
      }
      if (error instanceof WorkflowNotFoundError) {
        if (isTerminalStatus(row.status as AssignmentStatus)) {
          throw new ServiceError('conflict', `任务已${row.status === 'closed' ? '办结' : '结束'}，不能再操作`, { status: row.status });
        }
        // The record says open but its workflow is gone (Temporal's data lost): it is re-created from the record.
        await requestAssignmentRepair(client, this.config.temporalTaskQueue, [assignmentId]).catch(() => undefined);
        throw new ServiceError('unavailable', '该任务的流程正在从记录中恢复，请稍后重试', { retryAfterSeconds: 5, reason: 'workflow_recovering' });
      }
      if (isUnavailable(error)) {
        throw new ServiceError('unavailable', `操作未能在 ${Math.round(timeoutMs / 1000)} 秒内完成（流程服务繁忙或不可用），请稍后重试；带相同 Idempotency-Key 重试不会重复执行`, {
          retryAfterSeconds: 5,
        });
      }
      throw error;
    }
  }

  /**
   * The domain rules that need more than the assignment itself: 改派 to a unit already holding the task
   * (reassign_to_holder) and 约谈 before it is due without an override reason (talk_not_due). Checked against
   * the read model before the workflow is asked, so running workflows keep their history unchanged.
   */
  private async checkPolicy(row: AssignmentEntity, command: AssignmentCommand): Promise<void> {
    // Only where the status allows a 约谈 at all (otherwise the workflow's status rejection answers).
    if (command.type === 'triggerTalk' && COMMAND_ALLOWED_STATUSES.triggerTalk.includes(row.status as AssignmentStatus)) {
      const talk = checkTalk(row.state as unknown as AssignmentState, Date.now(), command.overrideReason);
      if (!talk.ok) throw rejectionError(talk.code, talk.reason);
    }
    if (command.type === 'reassign' && typeof command.toUnit === 'string' && command.toUnit.trim() !== '') {
      const holders = await this.dataSource
        .getRepository(AssignmentEntity)
        .createQueryBuilder('a')
        .select(['a.unitName', 'a.status'])
        .where('a.plan_id = :planId AND a.kind = :kind AND a.task_number IS NOT DISTINCT FROM :taskNumber AND a.region IS NOT DISTINCT FROM :region AND a.id <> :id', {
          planId: row.planId,
          kind: row.kind,
          taskNumber: row.taskNumber,
          region: row.region,
          id: row.id,
        })
        .getMany();
      const target = checkReassignTarget(command.toUnit, holders.map((holder) => ({ unitId: holder.unitName, status: holder.status as AssignmentStatus })));
      if (!target.ok) throw rejectionError(target.code, target.reason);
    }
  }

  /** Live state from the workflow (the read model may lag by one activity). */
  async live(assignmentId: string): Promise<AssignmentView> {
    const row = await this.find(assignmentId);
    const client = await this.temporal.client();
    return client.workflow.getHandle(row.workflowId).query<AssignmentView>('view');
  }

  /**
   * The list's filters as SQL selecting the matching assignment ids (placeholders from $1), so an export
   * of "what the ledger shows" applies the very same filters and read scope, written once, here.
   */
  filterSql(filter: AssignmentFilter): { readonly sql: string; readonly params: readonly unknown[] } {
    const params: unknown[] = [];
    const where = filterCondition(filter, params);
    return { sql: `SELECT a.id FROM assignments a WHERE ${where}`, params };
  }

  private async find(assignmentId: string): Promise<AssignmentEntity> {
    const row = isUuid(assignmentId) ? await this.dataSource.getRepository(AssignmentEntity).findOneBy({ id: assignmentId }) : null;
    if (!row) throw new ServiceError('not_found', `任务 ${assignmentId} 不存在`);
    return row;
  }
}

/** An event's actor with the Chinese name of its role beside the code. */
export function withRoleLabel(actor: unknown): unknown {
  if (actor === null || typeof actor !== 'object' || Array.isArray(actor)) return actor;
  const role = (actor as { role?: unknown }).role;
  return typeof role === 'string' ? { ...actor, roleLabel: roleLabelOf(role) } : actor;
}

/**
 * The list's filters as a WHERE condition over `assignments a`, its values appended to `values` ($n from there).
 * Plain SQL, built per request: TypeORM's query builder cost 0.1–0.2 ms of CPU per list request (bench:api).
 */
function filterCondition(filter: AssignmentFilter, values: unknown[]): string {
  const param = (value: unknown, cast = ''): string => `$${values.push(value)}${cast}`;
  const conditions: string[] = [];
  // An id that is not a UUID matches nothing (rather than failing the cast).
  if (filter.planId !== undefined) conditions.push(isUuid(filter.planId) ? `a.plan_id = ${param(filter.planId, '::uuid')}` : 'FALSE');
  if (filter.taskNumber !== undefined) conditions.push(`a.task_number = ${param(filter.taskNumber, '::int')}`);
  if (filter.unit !== undefined) conditions.push(`a.unit_name = ${param(filter.unit, '::text')}`);
  if (filter.unitId !== undefined) conditions.push(isUuid(filter.unitId) ? `a.unit_id = ${param(filter.unitId, '::uuid')}` : 'FALSE');
  if (filter.units !== undefined) {
    const ids = filter.units.filter(isUuid);
    conditions.push(`(a.unit_name = ANY(${param([...filter.units], '::text[]')}) OR a.unit_id = ANY(${param(ids, '::uuid[]')}))`);
  }
  if (filter.region !== undefined) conditions.push(`a.region = ${param(filter.region, '::text')}`);
  if (filter.status !== undefined) conditions.push(`a.status = ${param(filter.status, '::text')}`);
  if (filter.light !== undefined) conditions.push(`a.light = ${param(filter.light, '::text')}`);
  // The domain's overdue predicate as SQL (one rule, tested to agree with isOverdue).
  if (filter.overdue === true) conditions.push(overdueSql('a'));
  if (filter.overdue === false) conditions.push(`NOT ${overdueSql('a')}`);
  if (filter.dueFrom !== undefined) conditions.push(`a.due_date >= ${param(filter.dueFrom, '::date')}`);
  if (filter.dueTo !== undefined) conditions.push(`a.due_date <= ${param(filter.dueTo, '::date')}`);
  if (filter.text !== undefined && filter.text.trim() !== '') {
    const pattern = `%${filter.text.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(assignmentTextCondition(pattern, param(pattern, '::text')).sql);
  }
  return conditions.length ? conditions.map((condition) => `(${condition})`).join(' AND ') : 'TRUE';
}

/**
 * Rows after the cursor's (sort value, key) in ORDER BY order: ties on the sort
 * value are broken by key, always ascending; nulls come last. `value` and `key` are
 * the placeholders ($n) the cursor's sort value (null: it was null) and key are bound to.
 */
function keysetCondition(order: (typeof SORT_ORDERS)[AssignmentSort], value: string | null, key: string): string {
  const { expression, type } = order;
  if (value === null) return `(${expression} IS NULL AND a.key > ${key})`;
  const beyond = order.direction === 'ASC' ? '>' : '<';
  const after = `${expression} ${beyond} CAST(${value} AS ${type}) OR (${expression} = CAST(${value} AS ${type}) AND a.key > ${key})`;
  return order.nullable ? `(${after} OR ${expression} IS NULL)` : `(${after})`;
}

/** The columns a list row selects, each as a_<column> (the detail reads the same under the same names). */
const SUMMARY_COLUMNS = [
  'id',
  'key',
  'plan_id',
  'task_number',
  'task_title',
  'unit_id',
  'unit_name',
  'responsibility',
  'region',
  'status',
  'light',
  'light_reasons',
  'percent',
  'escalation_level',
  'talk_count',
  'proposed',
  'updated_at',
]
  .map((column) => `a.${column} AS a_${column}`)
  .join(', ');

/** A list row as PostgreSQL returns it: the date as text, the capped count beside it. */
interface SummaryRow {
  readonly a_id: string;
  readonly a_key: string;
  readonly a_plan_id: string;
  readonly a_task_number: number | null;
  readonly a_task_title: string | null;
  readonly a_unit_id: string | null;
  readonly a_unit_name: string;
  readonly a_responsibility: string;
  readonly a_region: string | null;
  readonly a_status: string;
  readonly a_light: string;
  readonly a_light_reasons: unknown[];
  readonly a_percent: number | null;
  readonly a_escalation_level: string | null;
  readonly a_talk_count: number;
  readonly a_proposed: boolean;
  readonly a_updated_at: Date;
  readonly due_date_text: string;
  readonly sort_value: string | null;
  readonly total: number;
}

function fromSummaryRow(row: SummaryRow): AssignmentSummary {
  return {
    id: row.a_id,
    planId: row.a_plan_id,
    taskNumber: row.a_task_number,
    taskTitle: row.a_task_title,
    unitId: row.a_unit_id,
    unitName: row.a_unit_name,
    responsibility: row.a_responsibility,
    responsibilityLabel: responsibilityLabelOf(row.a_responsibility),
    region: row.a_region,
    status: row.a_status,
    statusLabel: statusLabelOf(row.a_status),
    light: row.a_light,
    lightLabel: lightLabelOf(row.a_light),
    lightReasons: row.a_light_reasons,
    dueDate: row.due_date_text,
    percent: row.a_percent,
    escalationLevel: row.a_escalation_level,
    escalationLevelLabel: row.a_escalation_level === null ? null : escalationLevelLabelOf(row.a_escalation_level),
    talkCount: row.a_talk_count,
    proposed: row.a_proposed,
    updatedAt: row.a_updated_at.toISOString(),
  };
}

/** An instant as JavaScript's toISOString prints it (UTC, milliseconds), so JSON built in SQL reads as the entities did. */
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The detail's one statement: the row under the list's aliases (a_<column>), its children as ordered JSON arrays. */
const DETAIL_SQL = `SELECT ${SUMMARY_COLUMNS},
       CAST(a.due_date AS text) AS due_date_text, a.workflow_id, a.kind, a.expanded_from, CAST(a.start_date AS text) AS start_date,
       CAST(a.original_due_date AS text) AS original_due_date, a.targets, a.recurring,
       (SELECT COALESCE(json_agg(json_build_object('due', CAST(m.due AS text), 'text', m.text, 'source', m.source) ORDER BY m.position), '[]')
          FROM assignment_milestones m WHERE m.assignment_id = a.id) AS milestones,
       (SELECT COALESCE(json_agg(json_build_object('seq', e.seq, 'type', e.type, 'actor', e.actor, 'payload', e.payload, 'occurredAt', ${iso('e.occurred_at')}) ORDER BY e.seq), '[]')
          FROM assignment_events e WHERE e.assignment_id = a.id) AS events,
       (SELECT COALESCE(json_agg(json_build_object('seq', r.seq, 'percent', r.percent, 'actualValue', r.actual_value, 'text', r.text, 'evidenceLinks', r.evidence_links,
                                                   'evidence', r.evidence, 'actuals', r.actuals, 'reportedAt', ${iso('r.reported_at')}) ORDER BY r.seq), '[]')
          FROM progress_reports r WHERE r.assignment_id = a.id) AS reports,
       (SELECT COALESCE(json_agg(json_build_object('seq', x.seq, 'level', x.level, 'source', x.source, 'reason', x.reason, 'occurredAt', ${iso('x.occurred_at')}) ORDER BY x.seq), '[]')
          FROM escalations x WHERE x.assignment_id = a.id) AS escalations
  FROM assignments a WHERE a.id = $1`;

/** The detail's row: a list row's columns (no sort value or total), the rest of the record and its children. */
interface DetailRow extends Omit<SummaryRow, 'sort_value' | 'total'> {
  readonly workflow_id: string;
  readonly kind: string;
  readonly expanded_from: string | null;
  readonly start_date: string;
  readonly original_due_date: string;
  readonly targets: unknown[];
  readonly recurring: unknown[];
  readonly milestones: { due: string; text: string; source: string }[];
  readonly events: { seq: number; type: string; actor: unknown; payload: unknown; occurredAt: string }[];
  readonly reports: {
    seq: number;
    percent: number | null;
    actualValue: number | null;
    text: string;
    evidenceLinks: string[];
    evidence: unknown[];
    actuals: unknown[];
    reportedAt: string;
  }[];
  readonly escalations: { seq: number; level: string; source: string; reason: string | null; occurredAt: string }[];
}

function fromDetailRow(row: DetailRow) {
  return {
    ...fromSummaryRow({ ...row, sort_value: null, total: 0 }),
    key: row.a_key,
    workflowId: row.workflow_id,
    kind: row.kind,
    expandedFrom: row.expanded_from,
    startDate: row.start_date,
    originalDueDate: row.original_due_date,
    // Every target with its latest reported actual (reports oldest first).
    targets: targetsWithActuals(row.targets as unknown as AssignmentTarget[], row.reports.map((report) => (report.actuals ?? []) as unknown as RecordedActual[])),
    recurring: row.recurring,
    milestones: row.milestones,
    events: row.events.map(({ seq, type, actor, payload, occurredAt }) => ({ seq, type, typeLabel: eventTypeLabelOf(type), actor: withRoleLabel(actor), payload, occurredAt })),
    progressReports: row.reports,
    escalations: row.escalations.map(({ seq, level, source, reason, occurredAt }) => labelledEscalation({ seq, level, source, reason, occurredAt })),
  };
}
