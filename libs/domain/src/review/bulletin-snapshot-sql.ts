import { overdueAtSql } from '../assignment/overdue-sql';
import { reachedBulletinLevelSql } from '../escalation/escalation-ladder-sql';
import { resolvedLightSettings, trafficLightSql } from '../light/traffic-light-sql';
import type { StandingSettings } from './bulletin-snapshot';
import { DEFAULT_PACE_THRESHOLDS } from './pace';
import { expectedPercentSql, isLaggingPaceSql, paceClassSql, pacedStatusSql, progressPercentSql } from './pace-sql';
import { overdueWorkingDaysAtSql } from './scoring-sql';
import type { StandingSqlAt, StandingSqlColumns } from './standing-sql-input';

/** The SQL expressions of every field of AssignmentStanding (column name → expression). */
export interface AssignmentStandingColumnsSql {
  readonly light: string;
  readonly pace: string;
  readonly expected_percent: string;
  readonly progress_percent: string;
  readonly overdue: string;
  readonly overdue_working_days: string;
  readonly candidate: string;
  readonly lagging: string;
}

export interface AssignmentStandingSql {
  /** LATERAL stages to follow the standing source's joins (each value computed once per row). */
  readonly joins: string;
  readonly columns: AssignmentStandingColumnsSql;
}

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * assignmentStanding(state, asOf, settings) in SQL for an assignment without numeric targets, composed from the
 * rules' SQL forms exactly as the TypeScript composes their TypeScript forms. The values several rules read
 * (overdue, the expected and progress percents, the pace class) are computed once, in LATERAL stages fenced with
 * OFFSET 0: inlined, the nested roundings would repeat them dozens of times per row. Returns null when the settings
 * hold something the SQL forms do not express (the caller then judges every row in TypeScript).
 */
export function assignmentStandingSql(columns: StandingSqlColumns, at: StandingSqlAt, settings: StandingSettings = {}, prefix = 'sd'): AssignmentStandingSql | null {
  if (!SQL_IDENTIFIER.test(prefix)) throw new RangeError(`not a SQL alias: ${prefix}`);
  const candidateRule = reachedBulletinLevelSql(columns, at, settings.ladder);
  if (candidateRule === null) return null;
  const paceBasis = { ...DEFAULT_PACE_THRESHOLDS, ...settings.pace }.basis;
  const lightBasis = resolvedLightSettings(settings.light).paceBasis;
  const first = `${prefix}_1`;
  const second = `${prefix}_2`;
  const stage1 = [
    `${overdueAtSql(columns, at.instantMs)} AS overdue`,
    `${expectedPercentSql(columns, at, paceBasis)} AS expected`,
    `${lightBasis === paceBasis ? 'NULL::float8' : expectedPercentSql(columns, at, lightBasis)} AS light_expected`,
    `${progressPercentSql(columns)} AS progress`,
  ];
  const overdue = `${first}.overdue`;
  const expected = `${first}.expected`;
  const progress = `${first}.progress`;
  const lightExpected = lightBasis === paceBasis ? expected : `${first}.light_expected`;
  const stage2 = [`${paceClassSql(columns.status, expected, progress, settings.pace)} AS pace`];
  const pace = `${second}.pace`;
  const joins =
    `CROSS JOIN LATERAL (SELECT ${stage1.join(', ')} OFFSET 0) ${first} ` +
    `CROSS JOIN LATERAL (SELECT ${stage2.join(', ')} OFFSET 0) ${second}`;
  const paced = pacedStatusSql(columns.status);
  return {
    joins,
    columns: {
      light: trafficLightSql(columns, at, { overdue, expectedPercent: lightExpected }, settings.light),
      pace,
      expected_percent: `(CASE WHEN ${paced} THEN ${expected} ELSE 0::float8 END)`,
      progress_percent: `(CASE WHEN ${paced} THEN ${progress} END)`,
      overdue,
      overdue_working_days: `(CASE WHEN ${overdue} THEN ${overdueWorkingDaysAtSql(columns, at)} ELSE 0 END)`,
      candidate: `(${overdue} AND ${candidateRule})`,
      lagging: `(${overdue} OR ${isLaggingPaceSql(pace, expected, settings.pace)})`,
    },
  };
}
