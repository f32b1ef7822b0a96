import { OPEN_STATUSES, OWED_STATUSES } from './assignment-status';

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * isOverdue (assignment-state.ts) as a SQL condition over the assignments read model, for filters and counts:
 * owed (pending acceptance, in progress) and `due_at` reached, or a closure requested at or after `due_at`
 * (the request instant is the domain state's `closureRequest.at`, epoch ms). Never NULL, so `NOT (…)` is
 * its exact complement. `alias` is the table's alias; `now` a SQL expression for the instant (default now()).
 * It opens with a plain `status IN (open statuses)` conjunct, which PostgreSQL can match to the partial index
 * idx_assignments_overdue_due (it cannot see through the OR below): the first page of the overdue list walks
 * that index in due-date order (≈10 ms at 100,000 rows) instead of sorting a sequential scan (≈230 ms).
 */
export function overdueSql(alias: string, now = 'now()'): string {
  if (!SQL_IDENTIFIER.test(alias)) throw new RangeError(`not a SQL alias: ${alias}`);
  const open = OPEN_STATUSES.map((status) => `'${status}'`).join(', ');
  const requestedAt = `(${alias}.state #>> '{closureRequest,at}')::numeric`;
  const dueAtMs = `(extract(epoch from ${alias}.due_at) * 1000)`;
  return `(${alias}.status IN (${open}) AND ${overdueCondition(`${alias}.status`, `${alias}.due_at <= ${now}`, requestedAt, dueAtMs)})`;
}

/** The rule itself, over any expressions: owed and the due instant reached, or a closure requested at or after it. */
function overdueCondition(status: string, dueReached: string, closureRequestedAtMs: string, dueAtMs: string): string {
  const owed = OWED_STATUSES.map((owedStatus) => `'${owedStatus}'`).join(', ');
  return `COALESCE((${status} IN (${owed}) AND ${dueReached}) OR (${status} = 'closure_requested' AND ${closureRequestedAtMs} >= ${dueAtMs}), false)`;
}

/** SQL expressions for what isOverdue reads of a state: its status and instants as epoch ms (numeric). */
export interface OverdueSqlFields {
  readonly status: string;
  readonly dueAtMs: string;
  /** The pending or approved closure request's instant; NULL without one. */
  readonly closureRequestAtMs: string;
}

/**
 * isOverdue(state, now) as a SQL condition over expressions of the state itself (a bulletin's snapshot judges the
 * workflow's state at an instant, not the read model's columns at now()). Never NULL.
 */
export function overdueAtSql(fields: OverdueSqlFields, nowMs: string): string {
  return `(${overdueCondition(fields.status, `${fields.dueAtMs} <= ${nowMs}`, fields.closureRequestAtMs, fields.dueAtMs)})`;
}
