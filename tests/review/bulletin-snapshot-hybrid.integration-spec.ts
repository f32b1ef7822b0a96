import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { BulletinActivities } from '@duban/activities';
import { assignmentStanding, resolveReviewSettings, summarizeBulletin, type AssignmentState, type SnapshotRow } from '@duban/domain';
import { actualReportsSql, ensureBulletinRow, targetProgressOf } from '@duban/persistence';
import { openDatabase, useTestEnvironment } from '../support/duban-harness';

const AS_OF = '2026-11-30';
const TOTAL = 120;

/**
 * The set-based snapshot is a hybrid: SQL judges the rows its rule forms can, TypeScript the rest (numeric targets,
 * a date outside the working-day calendar table). Over one plan holding all three kinds, every frozen row equals
 * assignmentStanding computed here in TypeScript, and the stored summary equals summarizeBulletin over those rows.
 */
describe('bulletin snapshot: SQL and TypeScript rows together', () => {
  let db: DataSource;
  const planId = randomUUID();

  beforeAll(async () => {
    db = await openDatabase(useTestEnvironment('bulletin-hybrid'));
    await db.query(
      `INSERT INTO plans (id, source_hash, document_name, title, status, task_count, parsed, settings, assignment_count)
       VALUES ($1, $2, 'hybrid.txt', '混合快照测试方案', 'published', 6, '{}', '{}', $3)`,
      [planId, `hybrid-${planId}`, TOTAL],
    );
    // The benchmark's mix (statuses, reports, due dates before and after the cut-off), at a small size.
    await db.query(
      `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, region, status, light,
                                start_date, original_due_date, due_date, due_at, percent, state, version, workflow_started)
       SELECT gen_random_uuid(), $1 || '/' || i, 'hybrid:' || $1 || ':' || i, $1::uuid, 'task', i / 20 + 1, '混合任务' || (i / 20 + 1),
              '混合第' || (i % 20 + 1) || '局', CASE WHEN i % 20 = 0 THEN 'lead' ELSE 'support' END, '第' || (i % 7 + 1) || '区',
              s.status, 'green', '2026-01-01', s.due, s.due, (s.due + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', s.percent,
              jsonb_build_object(
                'key', $1 || '/' || i, 'unitId', '混合第' || (i % 20 + 1) || '局', 'responsibility', 'support',
                'status', s.status, 'startDate', '2026-01-01', 'originalDueDate', s.due::text, 'dueDate', s.due::text,
                'dueAt', (extract(epoch FROM (s.due + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') * 1000)::bigint,
                'acceptedAt', CASE WHEN s.status = 'pending_acceptance' THEN NULL ELSE 1767300000000 END,
                'lastReport', CASE WHEN s.percent IS NULL THEN NULL ELSE jsonb_build_object('at', 1780000000000, 'percent', s.percent, 'actualValue', NULL) END,
                'reportCount', 0, 'closureRequest', CASE WHEN s.status = 'closed' THEN jsonb_build_object('at', 1780000000000, 'date', '2026-05-28', 'summary', '完成', 'evidenceLinks', '[]'::jsonb) ELSE NULL END,
                'closureRejectionCount', 0, 'closedAt', NULL, 'completedDate', CASE WHEN s.status = 'closed' THEN '2026-05-28' ELSE NULL END,
                'extensionRequest', NULL, 'extensionsApproved', 0, 'extensionsDenied', 0, 'declineReason', NULL, 'reassignedTo', NULL, 'withdrawReason', NULL,
                'reachedLevels', CASE WHEN i % 11 = 0 THEN '["urge","supervise","bulletin"]'::jsonb ELSE '[]'::jsonb END,
                'urgeCount', 0, 'superviseCount', 0, 'bulletinCount', 0, 'talkCount', 0, 'talkProposed', false),
              1, true
         FROM generate_series(0, $2 - 1) AS i
         CROSS JOIN LATERAL (SELECT
              CASE WHEN i % 10 = 0 THEN 'closed' WHEN i % 10 = 1 THEN 'pending_acceptance' ELSE 'in_progress' END AS status,
              CASE WHEN i % 10 IN (0, 1) OR i % 7 = 0 THEN NULL ELSE (i * 37) % 101 END AS percent,
              (DATE '2026-09-30' + ((i % 3) * 92))::date AS due) s`,
      [planId, TOTAL],
    );
    // Numeric targets (judged in TypeScript): some rows, with actuals reported for a few of them.
    await db.query(
      `UPDATE assignments SET targets = '[{"metric":"完成量","year":2026,"value":80},{"metric":"覆盖率","year":2026,"value":50}]'::jsonb
        WHERE plan_id = $1 AND task_number IN (2, 5)`,
      [planId],
    );
    // A date outside the calendar table (judged in TypeScript too).
    await db.query(
      `UPDATE assignments SET state = jsonb_set(state, '{startDate}', '"1999-12-01"') WHERE plan_id = $1 AND task_number = 3 AND unit_name LIKE '混合第1_局'`,
      [planId],
    );
  });

  afterAll(async () => {
    await db.query('DELETE FROM review_bulletins WHERE plan_id = $1', [planId]);
    await db.query('DELETE FROM assignments WHERE plan_id = $1', [planId]);
    await db.query('DELETE FROM plans WHERE id = $1', [planId]);
    await db.destroy();
  });

  it('freezes every row as assignmentStanding judges it and summarises them as summarizeBulletin does', async () => {
    const bulletin = await ensureBulletinRow(db.manager, { planId, kind: 'on_demand', asOf: AS_OF, workflowId: 'hybrid' });
    await db.query("UPDATE review_bulletins SET run_id = 'hybrid' WHERE id = $1", [bulletin.id]);
    const activities = new BulletinActivities(db);
    const result = await new MockActivityEnvironment().run(activities.snapshotBulletin.bind(activities), { bulletinId: bulletin.id, runId: 'hybrid' });
    expect(result).toMatchObject({ rows: TOTAL });

    const assignments = (await db.query(
      `SELECT a.id, COALESCE(a.unit_id::text, a.state->>'unitId', a.unit_name) AS unit_id, a.unit_name, a.region, a.task_number, a.task_title, a.status,
              a.state, a.targets, ${actualReportsSql('a')} AS actual_reports
         FROM assignments a WHERE a.plan_id = $1 ORDER BY a.id`,
      [planId],
    )) as { id: string; unit_id: string; unit_name: string; region: string | null; task_number: number | null; task_title: string | null; status: string; state: AssignmentState; targets: unknown; actual_reports: unknown }[];
    const settings = { pace: resolveReviewSettings(undefined).pace };
    const expected: SnapshotRow[] = assignments.map((row) => ({
      assignmentId: row.id, unitId: row.unit_id, unitName: row.unit_name, region: row.region, taskNumber: row.task_number, taskTitle: row.task_title, status: row.status,
      ...assignmentStanding({ ...row.state, targets: targetProgressOf(row.targets, row.actual_reports) }, AS_OF, settings),
    }));
    const frozen = (await db.query(
      `SELECT assignment_id AS "assignmentId", unit_id AS "unitId", unit_name AS "unitName", region, task_number AS "taskNumber", task_title AS "taskTitle", status,
              light, pace, expected_percent AS "expectedPercent", progress_percent AS "progressPercent", overdue, overdue_working_days AS "overdueWorkingDays", candidate, lagging
         FROM review_bulletin_items WHERE bulletin_id = $1 ORDER BY assignment_id`,
      [bulletin.id],
    )) as SnapshotRow[];
    expect(frozen).toEqual(expected);
    // Both paths ran: rows with targets and the row outside the calendar, and plenty without.
    expect(assignments.filter((row) => Array.isArray(row.targets) && row.targets.length > 0)).toHaveLength(40);
    expect(assignments.filter((row) => row.state.startDate === '1999-12-01').length).toBeGreaterThan(0);
    // (every report here is months old at the cut-off: no green light)
    expect(new Set(expected.map((row) => row.light))).toEqual(new Set(['yellow', 'red', 'neutral']));
    expect(expected.some((row) => row.candidate)).toBe(true);

    const [stored] = (await db.query('SELECT summary FROM review_bulletins WHERE id = $1', [bulletin.id])) as { summary: unknown }[];
    expect(stored!.summary).toEqual(JSON.parse(JSON.stringify(summarizeBulletin(expected))));
  });
});
