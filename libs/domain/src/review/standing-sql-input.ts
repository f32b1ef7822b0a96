import { shanghaiDateOfMsSql, workingCalendarJoinSql } from '@duban/calendar';

/**
 * What the SQL forms of the standing rules (light, pace, overdue, ladder) read of one assignment: SQL expressions
 * for the fields of its AssignmentState, plus the working-day sequence numbers of the dates they count working
 * days between (working_calendar_days). Each form is the SQL twin of a TypeScript rule and is tested to agree.
 */
export interface StandingSqlColumns {
  readonly status: string;
  readonly startDate: string;
  readonly dueDate: string;
  readonly dueAtMs: string;
  readonly acceptedAtMs: string;
  /** `state.lastReport` is an object (a report exists). */
  readonly hasLastReport: string;
  /** `state.lastReport === null` (absent is not null: the TypeScript light tests `=== null`). */
  readonly lastReportIsNull: string;
  readonly lastReportAtMs: string;
  /** lastReport.percent, float8. */
  readonly reportedPercent: string;
  /** `state.actual ?? lastReport.actualValue`, float8. */
  readonly actual: string;
  /** `state.target`, float8 (absent on workflow states: the snapshot passes numeric targets separately). */
  readonly target: string;
  readonly hasClosureRequest: string;
  readonly closureRequestAtMs: string;
  readonly closureRequestDate: string;
  readonly completedDate: string;
  /** `state.reachedLevels`, jsonb array of level names. */
  readonly reachedLevels: string;
  readonly pastMilestoneCount: string;
  readonly startSeq: string;
  readonly dueSeq: string;
  readonly closureRequestSeq: string;
  readonly completedSeq: string;
  /** Sequence number of the day before the Shanghai date of dueAt (the ladder counts from the next working day). */
  readonly ladderBaseSeq: string;
}

/** The cut-off the rules judge at: the business date, its working-day sequence number and its last instant (ms). */
export interface StandingSqlAt {
  readonly asOf: string;
  readonly asOfSeq: string;
  readonly instantMs: string;
}

export interface StandingSqlSource {
  /** LATERAL extraction of the state's fields and the calendar joins, to follow `FROM <table> <alias>`. */
  readonly joins: string;
  readonly columns: StandingSqlColumns;
  /** True when every date the rules count working days on lies in the calendar table (else judge in TypeScript). */
  readonly covered: string;
}

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The standing inputs read from an AssignmentState held as jsonb (`stateSql`, e.g. `a.state`), under alias `prefix`
 * (the extraction) and `prefix_<date>` (calendar rows).
 */
export function standingSourceFromStateSql(stateSql: string, prefix = 'st'): StandingSqlSource {
  if (!SQL_IDENTIFIER.test(prefix)) throw new RangeError(`not a SQL alias: ${prefix}`);
  const s = stateSql;
  const field = (name: string) => `${prefix}.${name}`;
  // OFFSET 0 keeps the extraction a subquery of its own: each field is read from the jsonb once per row. Without it
  // PostgreSQL inlines the fields into every expression that names them (the rules name some twenty times).
  const extraction =
    'CROSS JOIN LATERAL (SELECT ' +
    [
      `${s} ->> 'status' AS status`,
      `(${s} ->> 'startDate')::date AS start_date`,
      `(${s} ->> 'dueDate')::date AS due_date`,
      `(${s} ->> 'dueAt')::numeric AS due_at_ms`,
      `(${s} ->> 'acceptedAt')::numeric AS accepted_at_ms`,
      `COALESCE(jsonb_typeof(${s} -> 'lastReport') = 'object', false) AS has_last_report`,
      `COALESCE(jsonb_typeof(${s} -> 'lastReport') = 'null', false) AS last_report_is_null`,
      `(${s} #>> '{lastReport,at}')::numeric AS last_report_at_ms`,
      `(${s} #>> '{lastReport,percent}')::float8 AS reported_percent`,
      `COALESCE((${s} ->> 'actual')::float8, (${s} #>> '{lastReport,actualValue}')::float8) AS actual`,
      `(${s} ->> 'target')::float8 AS target`,
      `COALESCE(jsonb_typeof(${s} -> 'closureRequest') = 'object', false) AS has_closure_request`,
      `(${s} #>> '{closureRequest,at}')::numeric AS closure_request_at_ms`,
      `(${s} #>> '{closureRequest,date}')::date AS closure_request_date`,
      `(${s} ->> 'completedDate')::date AS completed_date`,
      `COALESCE(${s} -> 'reachedLevels', '[]'::jsonb) AS reached_levels`,
      `CASE WHEN jsonb_typeof(${s} -> 'pastMilestones') = 'array' THEN jsonb_array_length(${s} -> 'pastMilestones') ELSE 0 END AS past_milestone_count`,
    ].join(', ') +
    ` OFFSET 0) ${prefix}`;
  const calendar = {
    start: `${prefix}_start`,
    due: `${prefix}_due`,
    closure: `${prefix}_closure`,
    completed: `${prefix}_completed`,
    ladder: `${prefix}_ladder`,
  };
  const joins = [
    extraction,
    workingCalendarJoinSql(calendar.start, field('start_date')),
    workingCalendarJoinSql(calendar.due, field('due_date')),
    workingCalendarJoinSql(calendar.closure, field('closure_request_date')),
    workingCalendarJoinSql(calendar.completed, field('completed_date')),
    workingCalendarJoinSql(calendar.ladder, `${shanghaiDateOfMsSql(field('due_at_ms'))} - 1`),
  ].join(' ');
  const columns: StandingSqlColumns = {
    status: field('status'),
    startDate: field('start_date'),
    dueDate: field('due_date'),
    dueAtMs: field('due_at_ms'),
    acceptedAtMs: field('accepted_at_ms'),
    hasLastReport: field('has_last_report'),
    lastReportIsNull: field('last_report_is_null'),
    lastReportAtMs: field('last_report_at_ms'),
    reportedPercent: field('reported_percent'),
    actual: field('actual'),
    target: field('target'),
    hasClosureRequest: field('has_closure_request'),
    closureRequestAtMs: field('closure_request_at_ms'),
    closureRequestDate: field('closure_request_date'),
    completedDate: field('completed_date'),
    reachedLevels: field('reached_levels'),
    pastMilestoneCount: field('past_milestone_count'),
    startSeq: `${calendar.start}.workday_seq`,
    dueSeq: `${calendar.due}.workday_seq`,
    closureRequestSeq: `${calendar.closure}.workday_seq`,
    completedSeq: `${calendar.completed}.workday_seq`,
    ladderBaseSeq: `${calendar.ladder}.workday_seq`,
  };
  const covered =
    `(${calendar.start}.day IS NOT NULL AND ${calendar.due}.day IS NOT NULL AND ${calendar.ladder}.day IS NOT NULL` +
    ` AND (${field('closure_request_date')} IS NULL OR ${calendar.closure}.day IS NOT NULL)` +
    ` AND (${field('completed_date')} IS NULL OR ${calendar.completed}.day IS NOT NULL))`;
  return { joins, columns, covered };
}

/** A number from settings as a SQL literal (settings are per-plan data: never trusted to be numbers). */
export function sqlNumber(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`not a finite number: ${String(value)}`);
  return `(${String(value)})::float8`;
}
