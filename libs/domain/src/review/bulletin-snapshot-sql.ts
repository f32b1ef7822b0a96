import { overdueAtSql } from '../assignment/overdue-sql';
import { reachedBulletinLevelSql } from '../escalation/escalation-ladder-sql';
import { trafficLightSql } from '../light/traffic-light-sql';
import type { StandingSettings } from './bulletin-snapshot';
import { classifyPaceSql, isLaggingPaceSql } from './pace-sql';
import { overdueWorkingDaysAtSql } from './scoring-sql';
import type { StandingSqlAt, StandingSqlColumns } from './standing-sql-input';

/** The SQL expressions of every field of AssignmentStanding (column name → expression). */
export interface AssignmentStandingSql {
  readonly light: string;
  readonly pace: string;
  readonly expected_percent: string;
  readonly progress_percent: string;
  readonly overdue: string;
  readonly overdue_working_days: string;
  readonly candidate: string;
  readonly lagging: string;
}

/**
 * assignmentStanding(state, asOf, settings) in SQL for an assignment without numeric targets, composed from the
 * rules' SQL forms exactly as the TypeScript composes their TypeScript forms. Returns null when the settings hold
 * something the SQL forms do not express (the caller then judges every row in TypeScript).
 */
export function assignmentStandingSql(columns: StandingSqlColumns, at: StandingSqlAt, settings: StandingSettings = {}): AssignmentStandingSql | null {
  const candidateRule = reachedBulletinLevelSql(columns, at, settings.ladder);
  if (candidateRule === null) return null;
  const overdue = overdueAtSql(columns, at.instantMs);
  const paced = classifyPaceSql(columns, at, settings.pace);
  return {
    light: trafficLightSql(columns, at, settings.light),
    pace: paced.pace,
    expected_percent: `COALESCE(${paced.expectedPercent}, 0::float8)`,
    progress_percent: paced.progressPercent,
    overdue,
    overdue_working_days: `(CASE WHEN ${overdue} THEN ${overdueWorkingDaysAtSql(columns, at)} ELSE 0 END)`,
    candidate: `(${overdue} AND ${candidateRule})`,
    lagging: `(${overdue} OR ${isLaggingPaceSql(paced, settings.pace)})`,
  };
}
