import type { INestApplicationContext } from '@nestjs/common';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import type { DataSource } from 'typeorm';
import { addCalendarDays, shanghaiDateOf } from '@duban/calendar';
import type { Actor } from '@duban/domain';
import { TemporalClientProvider } from '@duban/temporal';
import { AssignmentService, BulletinService, PlanService, ReviewExportService, ReviewScheduleService } from '@duban/services';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import type { TestRun } from '../support/test-run';

const admin: Actor = { role: 'admin', unitIds: [], id: 'test-admin' };
const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'test-coordinator' };
const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'test-supervisor' };
const staffOf = (unit: string): Actor => ({ role: 'unit_staff', unitIds: [unit], id: `staff-${unit}` });

const AS_OF = '2027-06-30';

/**
 * The 半年通报 on real Temporal and Postgres: a published plan with a mix of states gives a bulletin whose
 * counts equal an independent SQL count; re-running replaces the draft; publishing notifies each named unit
 * once and records the 通报; a published bulletin is refused a re-run and never changes after later reports.
 */
describe('bulletin workflow (半年通报)', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  let bulletins: BulletinService;
  let assignments: AssignmentService;
  let planId: string;
  let publishedId: string | undefined;
  const prefix = `通报测试${Date.now() % 100000}第`;

  beforeAll(async () => {
    run = useTestEnvironment('bulletin');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
    bulletins = services.get(BulletinService);
    assignments = services.get(AssignmentService);
    // 8 tasks × 3 units = 24 assignments, due 2027-12-31 (odd tasks) or 2028-12-31 (even), of units of this test alone.
    planId = await insertSyntheticPlan(db, 8, 3, {}, prefix);
    await services.get(PlanService).publish(planId, admin, { wait: true });
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  async function draftOf(id: string) {
    return eventually('the bulletin draft', async () => {
      const view = await bulletins.get(id, supervisor);
      return view.status === 'draft' ? view : undefined;
    }, 120_000);
  }

  it('freezes a snapshot whose counts equal an independent SQL count, re-runs replace the draft, publishing notifies once and records the 通报', async () => {
    const rows = (await db.query('SELECT id, unit_name, task_number FROM assignments WHERE plan_id = $1 ORDER BY task_number, unit_name', [planId])) as { id: string; unit_name: string; task_number: number }[];
    expect(rows).toHaveLength(24);
    // A mix of states: per task, the first unit reports 90 %, the second 50 %, the third 10 % or nothing; task 1's first unit closes.
    for (const row of rows) {
      const position = rows.filter((other) => other.task_number === row.task_number).indexOf(row);
      const percent = [90, 50, row.task_number % 2 === 0 ? null : 10][position]!;
      await assignments.act(row.id, { type: 'accept' }, staffOf(row.unit_name));
      if (percent !== null) await assignments.act(row.id, { type: 'reportProgress', percent, text: `已完成${percent}%` }, staffOf(row.unit_name));
    }
    const closing = rows[0]!;
    await assignments.act(closing.id, { type: 'requestClosure', summary: '已全部完成' }, staffOf(closing.unit_name));
    await assignments.act(closing.id, { type: 'approveClosure' }, coordinator);
    await eventually('the read model to show the reports', async () => {
      const [{ n }] = await db.query("SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1 AND (percent IS NOT NULL OR status = 'closed')", [planId]);
      return n === 20 ? true : undefined;
    });

    // Only coordinators run bulletins; a plan must be published; the date must be a date.
    await expect(bulletins.run({ planId, asOf: AS_OF, kind: 'half_year' }, supervisor)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(bulletins.run({ planId, asOf: '2027-02-30', kind: 'half_year' }, coordinator)).rejects.toMatchObject({ code: 'invalid_input' });

    const { id } = await bulletins.run({ planId, asOf: AS_OF, kind: 'half_year' }, coordinator);
    const draft = await draftOf(id);
    expect(draft.title).toContain('2027年上半年');
    expect(draft.text.split('\n').filter((line) => /^[一二三四五]、/.test(line))).toEqual(['一、总体情况', '二、进展较快的单位', '三、进展滞后的事项和单位', '四、存在问题', '五、下步工作要求']);

    // The independent count: the 序时进度 classes written again in SQL over the live rows (nothing changed since the snapshot).
    const independent = (await db.query(
      `WITH paced AS (
         SELECT a.unit_name, a.status, a.percent,
                CASE WHEN $2::date >= a.due_date THEN 100
                     WHEN $2::date <= a.start_date THEN 0
                     ELSE round(((($2::date - a.start_date)::numeric / (a.due_date - a.start_date)) * 1000)) / 10 END AS expected
           FROM assignments a WHERE a.plan_id = $1)
       SELECT CASE WHEN status IN ('closed', 'closure_requested') OR percent >= 100 THEN 'completed'
                   WHEN percent IS NULL OR percent <= 0 THEN 'not_started'
                   WHEN expected - percent > 10 THEN 'behind'
                   WHEN percent - expected >= 10 THEN 'ahead'
                   ELSE 'on_pace' END AS pace, count(*)::int AS count
         FROM paced GROUP BY 1`,
      [planId, AS_OF],
    )) as { pace: string; count: number }[];
    const sqlCounts = Object.fromEntries(independent.map((entry) => [entry.pace, entry.count]));
    const bulletinCounts = Object.fromEntries((draft.summary.byPace as unknown as { pace: string; count: number }[]).filter((entry) => entry.count > 0).map((entry) => [entry.pace, entry.count]));
    expect(bulletinCounts).toEqual(sqlCounts);
    expect(Object.keys(sqlCounts).length).toBeGreaterThanOrEqual(3);
    expect((draft.summary as unknown as { total: number }).total).toBe(24);
    const sqlByUnit = (await db.query('SELECT unit_name, count(*)::int AS total FROM assignments WHERE plan_id = $1 GROUP BY unit_name ORDER BY unit_name', [planId])) as { unit_name: string; total: number }[];
    const byUnit = (draft.summary as unknown as { byUnit: { unitName: string; total: number }[] }).byUnit.map((unit) => ({ unit_name: unit.unitName, total: unit.total }));
    expect([...byUnit].sort((a, b) => (a.unit_name < b.unit_name ? -1 : 1))).toEqual(sqlByUnit);
    const [{ frozen }] = await db.query('SELECT count(*)::int AS frozen FROM review_bulletin_items WHERE bulletin_id = $1', [id]);
    expect(frozen).toBe(24);
    const named = (await db.query('SELECT assignment_id, unit_name FROM review_bulletin_items WHERE bulletin_id = $1 AND named ORDER BY assignment_id', [id])) as { assignment_id: string; unit_name: string }[];
    expect(named.length).toBe(draft.laggingItems.length);
    expect(named.length).toBeGreaterThan(0);

    // Edit the draft, then re-run the period: the draft is replaced (same bulletin, fresh snapshot and text).
    await bulletins.edit(id, { text: '协调人修改的正文' }, coordinator);
    expect((await bulletins.get(id, coordinator)).text).toBe('协调人修改的正文');
    const again = await bulletins.run({ planId, asOf: AS_OF, kind: 'half_year' }, coordinator);
    expect(again.id).toBe(id);
    const redrafted = await eventually('the re-run draft', async () => {
      const view = await bulletins.get(id, supervisor);
      return view.status === 'draft' && view.text !== '协调人修改的正文' ? view : undefined;
    }, 120_000);
    expect(redrafted.text).toContain('一、总体情况');
    const [{ frozenAgain }] = await db.query('SELECT count(*)::int AS "frozenAgain" FROM review_bulletin_items WHERE bulletin_id = $1', [id]);
    expect(frozenAgain).toBe(24);
    expect((await bulletins.list({ planId }, supervisor)).items.map((item) => item.id)).toEqual([id]);

    // Publish: each named unit notified once, one 通报 per named assignment; publishing twice is refused.
    await bulletins.edit(id, { title: '关于上半年推进情况的通报（定稿）' }, coordinator);
    await expect(bulletins.publish(id, supervisor)).rejects.toMatchObject({ code: 'forbidden' });
    const published = await bulletins.publish(id, coordinator);
    const namedUnits = [...new Set(named.map((item) => item.unit_name))].sort();
    expect(published).toMatchObject({ bulletinId: id, unitsNotified: namedUnits.length, noticesRecorded: named.length });
    await expect(bulletins.publish(id, coordinator)).rejects.toMatchObject({ code: 'conflict' });
    const outbox = (await db.query("SELECT recipient, title FROM outbox_messages WHERE kind = 'bulletin.published' AND payload->>'bulletinId' = $1 ORDER BY recipient", [id])) as { recipient: string; title: string }[];
    // Each notice is addressed by the unit's directory id (the name is for display).
    const namedUnitIds = (await db.query(
      'SELECT DISTINCT a.unit_id::text AS unit_id FROM review_bulletin_items i JOIN assignments a ON a.id = i.assignment_id WHERE i.bulletin_id = $1 AND i.named ORDER BY 1',
      [id],
    )) as { unit_id: string }[];
    expect(namedUnitIds).toHaveLength(namedUnits.length);
    expect(outbox.map((message) => message.recipient)).toEqual(namedUnitIds.map((row) => row.unit_id));
    expect(outbox[0]!.title).toBe('通报：关于上半年推进情况的通报（定稿）');
    await eventually('the notices in the named units’ inboxes', async () => {
      const [{ n }] = await db.query("SELECT count(*)::int AS n FROM inbox_messages WHERE kind = 'bulletin.published' AND payload->>'bulletinId' = $1", [id]);
      return n === namedUnits.length ? true : undefined;
    });
    const notices = (await db.query('SELECT assignment_id FROM review_notices WHERE bulletin_id = $1 ORDER BY assignment_id', [id])) as { assignment_id: string }[];
    expect(notices.map((notice) => notice.assignment_id)).toEqual(named.map((item) => item.assignment_id));

    // After publishing: re-running and editing are refused; a later report leaves the snapshot as it was.
    await expect(bulletins.run({ planId, asOf: AS_OF, kind: 'half_year' }, coordinator)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'bulletin_published' } });
    await expect(bulletins.edit(id, { text: '再改' }, coordinator)).rejects.toMatchObject({ code: 'conflict' });
    const before = await db.query('SELECT assignment_id, pace, progress_percent, light FROM review_bulletin_items WHERE bulletin_id = $1 ORDER BY assignment_id', [id]);
    const summaryBefore = (await bulletins.get(id, supervisor)).summary;
    const laggard = rows.find((row) => named.some((item) => item.assignment_id === row.id))!;
    await assignments.act(laggard.id, { type: 'reportProgress', percent: 95, text: '通报后加快推进' }, staffOf(laggard.unit_name));
    await eventually('the later report in the read model', async () => {
      const [{ percent }] = await db.query('SELECT percent FROM assignments WHERE id = $1', [laggard.id]);
      return percent === 95 ? true : undefined;
    });
    expect(await db.query('SELECT assignment_id, pace, progress_percent, light FROM review_bulletin_items WHERE bulletin_id = $1 ORDER BY assignment_id', [id])).toEqual(before);
    expect((await bulletins.get(id, supervisor)).summary).toEqual(summaryBefore);
    expect((await bulletins.get(id, supervisor)).status).toBe('published');
    publishedId = id;
  });

  async function workbookOf(write: (output: PassThrough) => Promise<number>): Promise<{ count: number; sheet: ExcelJS.Worksheet }> {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const count = await write(output);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    return { count, sheet: workbook.worksheets[0]! };
  }

  it('exports the bulletin annex (.xlsx), its text (.docx) and the plan’s 台账 (.xlsx), read back', async () => {
    expect(publishedId).toBeDefined();
    const exportsService = services.get(ReviewExportService);
    const annex = await exportsService.bulletinXlsx(publishedId!, supervisor);
    const { count, sheet } = await workbookOf((output) => annex.write(output));
    expect(count).toBe(24);
    expect(sheet.rowCount).toBe(25);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['序号', '任务编号', '任务内容', '牵头单位', '责任单位']);
    // The annex is the frozen snapshot: its pace column counts equal the bulletin's summary.
    const paceColumn = headers.indexOf('序时进度') + 1;
    const paceCounts: Record<string, number> = {};
    sheet.eachRow((line, number) => {
      if (number > 1) paceCounts[String(line.getCell(paceColumn).value)] = (paceCounts[String(line.getCell(paceColumn).value)] ?? 0) + 1;
    });
    const summary = (await bulletins.get(publishedId!, supervisor)).summary as unknown as { byPace: { paceLabel: string; count: number }[] };
    expect(paceCounts).toEqual(Object.fromEntries(summary.byPace.filter((entry) => entry.count > 0).map((entry) => [entry.paceLabel, entry.count])));
    expect(String(sheet.getRow(2).getCell(4).value)).toBe(`${prefix}1局`);

    const docx = await exportsService.bulletinDocx(publishedId!, supervisor);
    const text = (await mammoth.extractRawText({ buffer: docx.bytes })).value;
    expect(text).toContain('关于上半年推进情况的通报（定稿）');
    expect(text).toContain('一、总体情况');
    expect(text).toContain('五、下步工作要求');

    const ledger = await workbookOf((output) => exportsService.ledgerXlsx({ planId }, coordinator, output));
    expect(ledger.count).toBe(24);
    const progressColumn = headers.indexOf('进展情况') + 1;
    const progress = [] as string[];
    ledger.sheet.eachRow((line, number) => {
      if (number > 1) progress.push(String(line.getCell(progressColumn).value));
    });
    expect(progress).toContain('95%：通报后加快推进');
    // Each task's first unit reported 90 % (task 1's then closed, keeping its last report).
    expect(progress.filter((value) => value.startsWith('90%'))).toHaveLength(8);
    // A unit's staff export their own rows only.
    const own = await workbookOf((output) => exportsService.ledgerXlsx({ planId }, staffOf(`${prefix}2局`), output));
    expect(own.count).toBe(8);
  });

  it('publishing set up the review schedules (半年通报 and 年度考核, Asia/Shanghai calendars); setting them up twice neither fails nor duplicates; a trigger runs the bulletin', async () => {
    const client = await services.get(TemporalClientProvider).client();
    const ids = [`review:${planId}:half_year:06-30`, `review:${planId}:half_year:12-31`, `review:${planId}:annual:12-31`];
    expect(await services.get(ReviewScheduleService).ensure(planId)).toEqual(ids);
    expect(await services.get(ReviewScheduleService).ensure(planId)).toEqual(ids);
    const described = await Promise.all(ids.map((scheduleId) => client.schedule.getHandle(scheduleId).describe()));
    expect(described.map((schedule) => schedule.spec.timezone)).toEqual(['Asia/Shanghai', 'Asia/Shanghai', 'Asia/Shanghai']);
    expect(described.map((schedule) => schedule.spec.calendars?.map((calendar) => [calendar.month, calendar.dayOfMonth, calendar.hour, calendar.minute]))).toEqual([
      [[[{ start: 'JULY', end: 'JULY', step: 1 }], [{ start: 1, end: 1, step: 1 }], [{ start: 0, end: 0, step: 1 }], [{ start: 30, end: 30, step: 1 }]]],
      [[[{ start: 'JANUARY', end: 'JANUARY', step: 1 }], [{ start: 1, end: 1, step: 1 }], [{ start: 0, end: 0, step: 1 }], [{ start: 30, end: 30, step: 1 }]]],
      [[[{ start: 'JANUARY', end: 'JANUARY', step: 1 }], [{ start: 1, end: 1, step: 1 }], [{ start: 0, end: 0, step: 1 }], [{ start: 30, end: 30, step: 1 }]]],
    ]);
    // The annual period starts the assessment workflow; the half-year ones the bulletin workflow.
    expect(described.map((schedule) => (schedule.action as { workflowType: string }).workflowType)).toEqual(['bulletinWorkflow', 'bulletinWorkflow', 'assessmentWorkflow']);
    expect(described[0]!.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 7 * 24 * 3600 * 1000 });
    const listed = await eventually('the schedules in the list', async () => {
      const found: string[] = [];
      for await (const schedule of client.schedule.list()) if (schedule.scheduleId.startsWith(`review:${planId}:`)) found.push(schedule.scheduleId);
      return found.length >= 3 ? found.sort() : undefined;
    });
    expect(listed).toEqual([...ids].sort());

    // Triggering one runs the bulletin workflow as of the day before (Shanghai).
    await client.schedule.getHandle(ids[0]!).trigger();
    const yesterday = addCalendarDays(shanghaiDateOf(Date.now()), -1);
    const triggered = await eventually('the scheduled bulletin draft', async () => {
      const [row] = await db.query("SELECT id, status, workflow_id FROM review_bulletins WHERE plan_id = $1 AND kind = 'half_year' AND as_of = $2", [planId, yesterday]);
      return row?.status === 'draft' ? (row as { id: string; workflow_id: string }) : undefined;
    }, 120_000);
    expect(triggered.workflow_id.startsWith(`bulletin-scheduled:${planId}:6-30`)).toBe(true);
    const [{ frozen }] = await db.query('SELECT count(*)::int AS frozen FROM review_bulletin_items WHERE bulletin_id = $1', [triggered.id]);
    expect(frozen).toBe(24);
    await client.workflow.getHandle(triggered.workflow_id).terminate('test over');
    for (const scheduleId of ids) await client.schedule.getHandle(scheduleId).delete();
  });
});
