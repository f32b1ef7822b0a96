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

/** Whether classifyPace gives the status a class at all. */
export function pacedStatusSql(statusSql: string): string {
  return `(${statusSql} NOT IN ${UNPACED_STATUSES})`;
}

/**
 * classifyPace(…).pace for an assignment without numeric targets, from its status, expected percent
 * (expectedPercentSql with the thresholds' basis) and progress percent (progressPercentSql): pass them as
 * already-computed columns, each is named several times. NULL for statuses without pace.
 */
export function paceClassSql(statusSql: string, expectedSql: string, progressSql: string, thresholds: Partial<PaceThresholds> = {}): string {
  const config = { ...DEFAULT_PACE_THRESHOLDS, ...thresholds };
  const gap = roundToTenthSql(`${expectedSql} - ${progressSql}`);
  return (
    `(CASE WHEN NOT ${pacedStatusSql(statusSql)} THEN NULL` +
    ` WHEN ${statusSql} IN ('closed', 'closure_requested') OR COALESCE(${progressSql} >= 100::float8, false) THEN 'completed'` +
    ` WHEN ${progressSql} IS NULL OR ${progressSql} <= 0::float8 THEN 'not_started'` +
    ` WHEN ${gap} > ${sqlNumber(config.behindTolerancePercent)} THEN 'behind'` +
    ` WHEN -${gap} >= ${sqlNumber(config.aheadMarginPercent)} THEN 'ahead'` +
    ` ELSE 'on_pace' END)`
  );
}

/** isLaggingPace: 欠进度, or 未启动 while the 序时进度 already exceeds the tolerance. Never NULL. */
export function isLaggingPaceSql(paceSql: string, expectedSql: string, thresholds: Partial<PaceThresholds> = {}): string {
  const tolerance = thresholds.behindTolerancePercent ?? DEFAULT_PACE_THRESHOLDS.behindTolerancePercent;
  return `COALESCE(${paceSql} = 'behind' OR (${paceSql} = 'not_started' AND ${expectedSql} > ${sqlNumber(tolerance)}), false)`;
}
