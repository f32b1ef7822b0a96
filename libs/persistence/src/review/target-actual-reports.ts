import { targetsWithActuals, type AssignmentTarget, type RecordedActual, type TargetProgress } from '@duban/domain';

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A select-list expression giving, for the assignment row `alias`, the actuals of each progress report that
 * carried any, oldest first (a jsonb array of arrays), or NULL for an assignment without numeric targets.
 * It reads the record only; which actual counts is the domain's (targetsWithActuals, targetPaceAt).
 */
export function actualReportsSql(alias: string): string {
  if (!SQL_IDENTIFIER.test(alias)) throw new RangeError(`not a SQL alias: ${alias}`);
  return (
    `CASE WHEN ${alias}.targets <> '[]'::jsonb THEN (SELECT jsonb_agg(pr.actuals ORDER BY pr.seq) FROM progress_reports pr` +
    ` WHERE pr.assignment_id = ${alias}.id AND pr.actuals <> '[]'::jsonb) END`
  );
}

/** The row's targets with their latest actuals (what classifyPace's `targets` takes), or null without targets. */
export function targetProgressOf(targets: unknown, actualReports: unknown): readonly TargetProgress[] | null {
  if (!Array.isArray(targets) || targets.length === 0) return null;
  const reports = Array.isArray(actualReports) ? (actualReports as RecordedActual[][]) : [];
  return targetsWithActuals(targets as AssignmentTarget[], reports);
}
