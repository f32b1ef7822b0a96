import { workingDaysBetweenSql } from '@duban/calendar';
import { DEFAULT_PACE_THRESHOLDS, type PaceBasis, type PaceThresholds } from './pace';
import { sqlNumber, type StandingSqlAt, type StandingSqlColumns } from './standing-sql-input';

/**
 * The SQL twins of pace.ts (expectedProgressShare, progressPercentOf, classifyPace without numeric targets,
 * isLaggingPace), over float8 so every step is the same IEEE operation as in TypeScript. Assignments with numeric
 * targets (targetPaceAt reads their per-year actuals) are judged in TypeScript.
 */

/** Math.round(x × 10) / 10 exactly: the nearest integer, ties towards +∞ (not floor(v + 0.5), which errs by an ulp). */
export function roundToTenthSql(valueSql: string): string {
  const scaled = `((${valueSql}) * 10::float8)`;
  return `((ceil(${scaled}) - (ceil(${scaled}) - 0.5::float8 > ${scaled})::int) / 10::float8)`;
}

/** expectedProgressShare(start, due, asOf, basis) in SQL (0..1, float8). */
export function expectedProgressShareSql(columns: StandingSqlColumns, at: StandingSqlAt, basis: PaceBasis): string {
  const total = basis === 'calendar' ? `(${columns.dueDate} - ${columns.startDate})` : workingDaysBetweenSql(columns.startSeq, columns.dueSeq);
  const elapsed = basis === 'calendar' ? `(${at.asOf} - ${columns.startDate})` : workingDaysBetweenSql(columns.startSeq, at.asOfSeq);
  return (
    `(CASE WHEN ${columns.dueDate} - ${at.asOf} <= 0 THEN 1::float8 WHEN ${at.asOf} - ${columns.startDate} <= 0 THEN 0::float8` +
    ` WHEN ${total} <= 0 THEN 1::float8 ELSE least(1::float8, greatest(0::float8, ${elapsed}::float8 / ${total}::float8)) END)`
  );
}

/** The expected percent (序时进度 × 100, rounded to 0.1), as assessPace and classifyPace compute it. */
export function expectedPercentSql(columns: StandingSqlColumns, at: StandingSqlAt, basis: PaceBasis): string {
  return roundToTenthSql(`${expectedProgressShareSql(columns, at, basis)} * 100::float8`);
}

/** progressPercentOf: actual / target when both are known (target > 0), else the reported percent. */
export function progressPercentSql(columns: StandingSqlColumns): string {
  return (
    `(CASE WHEN ${columns.actual} IS NOT NULL AND ${columns.target} IS NOT NULL AND ${columns.target} > 0` +
    ` THEN ${roundToTenthSql(`least(100::float8, (${columns.actual} / ${columns.target}) * 100::float8)`)} ELSE ${columns.reportedPercent} END)`
  );
}

/** Statuses that owe nothing any more: classifyPace returns null for them. */
const UNPACED_STATUSES = `('withdrawn', 'reassigned', 'declined')`;

export interface PaceSql {
  /** The PaceClass, NULL for statuses without pace. */
  readonly pace: string;
  /** classifyPace's expectedPercent (NULL where pace is NULL). */
  readonly expectedPercent: string;
  readonly progressPercent: string;
}

/** classifyPace(…) for an assignment without numeric targets. */
export function classifyPaceSql(columns: StandingSqlColumns, at: StandingSqlAt, thresholds: Partial<PaceThresholds> = {}): PaceSql {
  const config = { ...DEFAULT_PACE_THRESHOLDS, ...thresholds };
  const expected = expectedPercentSql(columns, at, config.basis);
  const progress = progressPercentSql(columns);
  const gap = roundToTenthSql(`${expected} - ${progress}`);
  const pace =
    `(CASE WHEN ${columns.status} IN ${UNPACED_STATUSES} THEN NULL` +
    ` WHEN ${columns.status} IN ('closed', 'closure_requested') OR COALESCE(${progress} >= 100::float8, false) THEN 'completed'` +
    ` WHEN ${progress} IS NULL OR ${progress} <= 0::float8 THEN 'not_started'` +
    ` WHEN ${gap} > ${sqlNumber(config.behindTolerancePercent)} THEN 'behind'` +
    ` WHEN -${gap} >= ${sqlNumber(config.aheadMarginPercent)} THEN 'ahead'` +
    ` ELSE 'on_pace' END)`;
  const paced = `${columns.status} NOT IN ${UNPACED_STATUSES}`;
  return {
    pace,
    expectedPercent: `(CASE WHEN ${paced} THEN ${expected} END)`,
    progressPercent: `(CASE WHEN ${paced} THEN ${progress} END)`,
  };
}

/** isLaggingPace: 欠进度, or 未启动 while the 序时进度 already exceeds the tolerance. Never NULL. */
export function isLaggingPaceSql(paceSql: PaceSql, thresholds: Partial<PaceThresholds> = {}): string {
  const tolerance = thresholds.behindTolerancePercent ?? DEFAULT_PACE_THRESHOLDS.behindTolerancePercent;
  return `COALESCE(${paceSql.pace} = 'behind' OR (${paceSql.pace} = 'not_started' AND ${paceSql.expectedPercent} > ${sqlNumber(tolerance)}), false)`;
}
