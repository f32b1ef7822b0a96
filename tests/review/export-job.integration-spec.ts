import type { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { ExportJobService } from '@duban/services';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import type { TestRun } from '../support/test-run';

const ROWS = 20_000;
const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'export-test-supervisor' };
const MiB = 1024 * 1024;

/** Read-model rows straight into the database (an export reads the read model only): 20 units, a mix of statuses. */
async function insertAssignments(db: DataSource, planId: string, count: number): Promise<void> {
  await db.query(
    `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, region, status, light,
                              start_date, original_due_date, due_date, due_at, percent, state, version, workflow_started)
     SELECT gen_random_uuid(), $1::text || '/' || i, 'export-' || $1::text || '-' || i, $1::uuid, 'task', i / 20 + 1, '导出任务' || (i / 20 + 1),
            '导出测试第' || (i % 20 + 1) || '局', 'lead', '第' || (i % 7 + 1) || '区',
            CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'in_progress' END, CASE WHEN i % 3 = 0 THEN 'red' ELSE 'green' END,
            DATE '2026-01-01', DATE '2027-06-30', DATE '2027-06-30', TIMESTAMPTZ '2027-07-01 00:00+08', CASE WHEN i % 4 = 0 THEN NULL ELSE i % 100 END,
            '{}'::jsonb, 1, true
       FROM generate_series(0, $2::int - 1) AS i`,
    [planId, count],
  );
}

/**
 * A large 台账 export as a BullMQ job: POST records and enqueues it, the worker streams 20,000 rows into an .xlsx in the
 * object storage, the requester downloads it and it reads back whole; memory stays bounded (RSS sampled throughout).
 */
describe('export job (台账 .xlsx, 20,000 rows)', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  let exportsService: ExportJobService;
  let planId: string;

  beforeAll(async () => {
    run = useTestEnvironment('export-job');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
    exportsService = services.get(ExportJobService);
    planId = await insertSyntheticPlan(db, 1, 1, {}, `导出测试${Date.now() % 100000}第`);
    await db.query("UPDATE plans SET status = 'published' WHERE id = $1", [planId]);
    await insertAssignments(db, planId, ROWS);
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  it('runs as a job, completes, and reads back with exceljs in bounded memory', async () => {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const started = Date.now();
    const job = await exportsService.startLedger({ planId }, supervisor);
    expect(job).toMatchObject({ status: 'queued', statusLabel: '排队中', downloadPath: null });
    // Someone else cannot see it; a download before it is done is refused.
    await expect(exportsService.get(job.id, { role: 'supervisor', unitIds: [], id: 'someone-else' })).rejects.toMatchObject({ code: 'not_found' });
    const done = await eventually('the export to finish', async () => {
      const view = await exportsService.get(job.id, supervisor);
      if (view.status === 'failed') throw new Error(`export failed: ${view.error}`);
      return view.status === 'done' ? view : undefined;
    }, 600_000);
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    expect(done).toMatchObject({ rows: ROWS, statusLabel: '已完成', downloadPath: `/api/v1/exports/${job.id}/download` });
    expect(done.size).toBeGreaterThan(0);

    const file = await exportsService.download(job.id, supervisor);
    expect(file.fileName).toBe('任务台账.xlsx');
    let dataRows = 0;
    const units = new Set<string>();
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file.body, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number === 1) continue;
        dataRows++;
        const values = row.values as unknown[];
        // The 责任单位 column (the 牵头单位 column lists several names joined by 、).
        for (const value of values) if (typeof value === 'string' && /^导出测试第\d+局$/.test(value)) units.add(value);
      }
    }
    expect(dataRows).toBe(ROWS);
    expect(units.size).toBe(20);

    const growth = (peak - baseline) / MiB;
    console.log(`export rows=${ROWS} seconds=${seconds.toFixed(1)} bytes=${done.size} rss baseline=${(baseline / MiB).toFixed(0)}MiB peak=${(peak / MiB).toFixed(0)}MiB growth=${growth.toFixed(0)}MiB`);
    // The whole sheet held in memory would be several times this; streaming keeps one batch (2,000 rows) at a time.
    expect(growth).toBeLessThan(256);
  });
});
