/**
 * Review benchmark: seeds N assignments (default 100,000) of one plan straight into a database of its own,
 * then prints
 *  - the bulletin's snapshot-and-summary time (the real activity: one INSERT … SELECT judges and freezes every row
 *    with the rules' SQL forms, the rows they cannot judge are judged by the TypeScript rules, the summary counts
 *    by GROUP BY over the frozen rows) next to two baselines over the same rows, each with its ratio:
 *      one SQL aggregate (counts by status, light and a SQL pace class; aim ≤ 1.5), and
 *      a plain copy of the rows into the bulletin items table without judging them (the floor any frozen
 *      snapshot pays: the rows must be written);
 *    with the load average beside them (the machine is shared: figures taken under load are noisy);
 *  - the 台账 export's time and the process's peak RSS while streaming all N rows to an .xlsx file.
 * Prints figures, asserts nothing.
 *
 *   npm run bench:review -- --assignments 100000
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, statSync, unlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DataSource } from 'typeorm';
import { BulletinActivities } from '@duban/activities';
import { assignmentLedgerRows, writeLedgerXlsx } from '@duban/exports';
import { dataSourceOptions, dropDatabase, ensureBulletinRow, migrateDatabase } from '@duban/persistence';
import type { BulletinSnapshotResult } from '@duban/workflows';

const AS_OF = '2026-11-30';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** N assignments, 20 units per task, a mix of statuses, reports and due dates (some overdue at the cut-off). */
async function seed(db: DataSource, planId: string, total: number): Promise<void> {
  await db.query(
    `INSERT INTO plans (id, source_hash, document_name, title, status, task_count, parsed, settings, assignment_count)
     VALUES ($1, $2, 'bench.txt', '评估基准行动方案', 'published', $3, '{}', '{}', $4)`,
    [planId, `bench-${planId}`, Math.ceil(total / 20), total],
  );
  await db.query(
    `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, region, status, light,
                              start_date, original_due_date, due_date, due_at, percent, state, version, workflow_started)
     SELECT gen_random_uuid(), $1 || '/' || i, 'bench:' || $1 || ':' || i, $1::uuid, 'task', i / 20 + 1, '基准任务' || (i / 20 + 1),
            '市第' || (i % 20 + 1) || '局', CASE WHEN i % 20 = 0 THEN 'lead' ELSE 'support' END, '第' || (i % 7 + 1) || '区',
            s.status, 'green', '2026-01-01', s.due, s.due, (s.due + 1)::timestamp AT TIME ZONE 'Asia/Shanghai', s.percent,
            jsonb_build_object(
              'key', $1 || '/' || i, 'unitId', '市第' || (i % 20 + 1) || '局', 'responsibility', CASE WHEN i % 20 = 0 THEN 'lead' ELSE 'support' END,
              'status', s.status, 'startDate', '2026-01-01', 'originalDueDate', s.due::text, 'dueDate', s.due::text,
              'dueAt', (extract(epoch FROM (s.due + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') * 1000)::bigint,
              'acceptedAt', CASE WHEN s.status = 'pending_acceptance' THEN NULL ELSE 1767300000000 END,
              'lastReport', CASE WHEN s.percent IS NULL THEN NULL ELSE jsonb_build_object('at', 1780000000000, 'percent', s.percent, 'actualValue', NULL) END,
              'reportCount', CASE WHEN s.percent IS NULL THEN 0 ELSE 1 END,
              'closureRequest', CASE WHEN s.status = 'closed' THEN jsonb_build_object('at', 1780000000000, 'date', '2026-05-28', 'summary', '完成', 'evidenceLinks', '[]'::jsonb) ELSE NULL END,
              'closureRejectionCount', 0, 'closedAt', CASE WHEN s.status = 'closed' THEN 1780000000000 ELSE NULL END,
              'completedDate', CASE WHEN s.status = 'closed' THEN '2026-05-28' ELSE NULL END,
              'extensionRequest', NULL, 'extensionsApproved', 0, 'extensionsDenied', 0, 'declineReason', NULL, 'reassignedTo', NULL, 'withdrawReason', NULL,
              'reachedLevels', '[]'::jsonb, 'urgeCount', 0, 'superviseCount', 0, 'bulletinCount', 0, 'talkCount', 0, 'talkProposed', false),
            1, true
       FROM generate_series(0, $2 - 1) AS i
       CROSS JOIN LATERAL (SELECT
            CASE WHEN i % 10 = 0 THEN 'closed' WHEN i % 10 = 1 THEN 'pending_acceptance' ELSE 'in_progress' END AS status,
            CASE WHEN i % 10 IN (0, 1) OR i % 7 = 0 THEN NULL ELSE (i * 37) % 101 END AS percent,
            (DATE '2026-09-30' + ((i % 3) * 92))::date AS due) s`,
    [planId, total],
  );
  await db.query('ANALYZE assignments');
}

async function main(): Promise<void> {
  const total = argument('assignments', 100_000);
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/duban_bench_review_${process.pid}`;
  await migrateDatabase(databaseUrl);
  const db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 4, applicationName: 'duban-bench-review' }));
  await db.initialize();
  try {
    const planId = randomUUID();
    const seedStart = performance.now();
    await seed(db, planId, total);
    console.log(`seeded assignments=${total} seconds=${((performance.now() - seedStart) / 1000).toFixed(1)}`);

    const load = () => loadavg().map((value) => value.toFixed(2)).join(' ');
    const aggregate = async () => {
      const start = performance.now();
      await db.query(
        `SELECT status, light, CASE WHEN status = 'closed' THEN 'completed' WHEN percent IS NULL THEN 'not_started'
                    WHEN (($2::date - start_date)::numeric / GREATEST(due_date - start_date, 1)) * 100 - percent > 10 THEN 'behind' ELSE 'on_pace' END AS pace,
                unit_name, region, count(*)
           FROM assignments WHERE plan_id = $1 GROUP BY GROUPING SETS ((status), (light), (3), (unit_name), (region))`,
        [planId, AS_OF],
      );
      return (performance.now() - start) / 1000;
    };
    await aggregate(); // warms the table's pages for the runs measured below, the snapshot included

    // The bulletin: the activities the workflow runs (prepare, then snapshot + summary + draft), in this process.
    const activities = new BulletinActivities(db);
    const environment = new MockActivityEnvironment();
    const bulletin = await ensureBulletinRow(db.manager, { planId, kind: 'half_year', asOf: AS_OF, workflowId: 'bench' });
    await db.query("UPDATE review_bulletins SET run_id = 'bench' WHERE id = $1", [bulletin.id]);
    console.log(`load average before the snapshot: ${load()}`);
    const snapshotStart = performance.now();
    const snapshot = (await environment.run(activities.snapshotBulletin.bind(activities), { bulletinId: bulletin.id, runId: 'bench' })) as BulletinSnapshotResult;
    const snapshotSeconds = (performance.now() - snapshotStart) / 1000;
    console.log(`bulletin snapshot+summary rows=${snapshot.rows} named=${snapshot.named} seconds=${snapshotSeconds.toFixed(2)}`);

    // Baseline 1: one SQL aggregate over the same rows (counts by status, light and a pace class computed in SQL).
    const aggregateSeconds = await aggregate();
    console.log(`baseline one SQL aggregate seconds=${aggregateSeconds.toFixed(2)} ratio=${(snapshotSeconds / aggregateSeconds).toFixed(2)} (aim ≤ 1.5)`);

    // Baseline 2: the same rows copied into the items table (same indexes) without judging: what writing any frozen
    // snapshot costs. Another bulletin of the plan holds them; they are deleted afterwards (not timed).
    const copy = await ensureBulletinRow(db.manager, { planId, kind: 'on_demand', asOf: AS_OF, workflowId: 'bench-copy' });
    const copyStart = performance.now();
    await db.query(
      `INSERT INTO review_bulletin_items (bulletin_id, assignment_id, unit_id, unit_name, region, task_number, task_title, responsibility, status, due_date,
         light, pace, expected_percent, progress_percent, escalation_level, overdue, overdue_working_days, candidate, lagging)
       SELECT $2, a.id, COALESCE(a.unit_id::text, a.state->>'unitId', a.unit_name), a.unit_name, a.region, a.task_number, a.task_title, a.responsibility,
              a.status, a.due_date, a.light, NULL, 0, a.percent, a.escalation_level, false, 0, false, false
         FROM assignments a WHERE a.plan_id = $1`,
      [planId, copy.id],
    );
    const copySeconds = (performance.now() - copyStart) / 1000;
    console.log(`baseline copy rows into the items table (no judging) seconds=${copySeconds.toFixed(2)} ratio=${(snapshotSeconds / copySeconds).toFixed(2)}`);
    await db.query('DELETE FROM review_bulletin_items WHERE bulletin_id = $1', [copy.id]);
    console.log(`load average after the baselines: ${load()}`);

    // The 台账 export, streamed to a file, with the peak RSS sampled while it runs.
    const file = join(tmpdir(), `duban-bench-ledger-${process.pid}.xlsx`);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const exportStart = performance.now();
    const output = createWriteStream(file);
    const written = await writeLedgerXlsx(assignmentLedgerRows(db, { planId }, { asOf: AS_OF }), output);
    await new Promise<void>((resolve, reject) => output.close((error) => (error ? reject(error) : resolve())));
    const exportSeconds = (performance.now() - exportStart) / 1000;
    clearInterval(sampler);
    const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    console.log(
      `ledger export rows=${written} seconds=${exportSeconds.toFixed(2)} size=${mib(statSync(file).size)} MiB ` +
        `RSS before=${mib(rssBefore)} MiB peak=${mib(peakRss)} MiB (+${mib(peakRss - rssBefore)} MiB)`,
    );
    unlinkSync(file);
  } finally {
    await db.destroy();
    await dropDatabase(databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
