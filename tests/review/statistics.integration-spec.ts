import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { endOfShanghaiDay } from '@duban/calendar';
import { createAssignmentState, overdueSql, type Actor, type AssignmentState } from '@duban/domain';
import { StatisticsService } from '@duban/services';
import { openDatabase, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { ensureSyntheticUnits, insertSyntheticPlan } from '../support/synthetic-plan';

const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'test-supervisor' };
const AS_OF = '2026-06-30';
const at = (date: string) => Date.parse(`${date}T10:00:00+08:00`);
const METRIC = '新增社区医院（家）';

interface Row {
  readonly unit: number;
  readonly region: string | null;
  readonly status: AssignmentState['status'];
  readonly dueDate: string;
  readonly percent: number | null;
  readonly targets?: { metric: string; year: number; value: number }[];
  readonly actual?: number;
}

/**
 * The mix (start 2026-01-01, judged at the end of 2026-06-30: 180 of 364 days of 2026 gone, 49.5 %), with what each row
 * must count as, worked out by hand from the rules (序时进度 tolerance and ahead margin 10 points, lights by default settings):
 */
const ROWS: readonly (Row & { light: string; pace: string | null; overdue: boolean; lagging: boolean })[] = [
  // closed before the deadline: neutral, 已完成.
  { unit: 1, region: '甲区', status: 'closed', dueDate: '2026-12-31', percent: 100, light: 'neutral', pace: 'completed', overdue: false, lagging: false },
  { unit: 2, region: null, status: 'closed', dueDate: '2026-05-31', percent: 80, light: 'neutral', pace: 'completed', overdue: false, lagging: false },
  // in progress past 2026-05-31: red, overdue, 50 % against 100 % → 欠进度.
  { unit: 1, region: '甲区', status: 'in_progress', dueDate: '2026-05-31', percent: 50, light: 'red', pace: 'behind', overdue: true, lagging: true },
  { unit: 1, region: '乙区', status: 'in_progress', dueDate: '2026-05-31', percent: 50, light: 'red', pace: 'behind', overdue: true, lagging: true },
  { unit: 2, region: '乙区', status: 'in_progress', dueDate: '2026-05-31', percent: 50, light: 'red', pace: 'behind', overdue: true, lagging: true },
  // 60 % reported a week ago against 49.5 %: +10.5 → 超进度, green.
  { unit: 2, region: '甲区', status: 'in_progress', dueDate: '2026-12-31', percent: 60, light: 'green', pace: 'ahead', overdue: false, lagging: false },
  { unit: 3, region: null, status: 'in_progress', dueDate: '2026-12-31', percent: 60, light: 'green', pace: 'ahead', overdue: false, lagging: false },
  // 45 %: −4.5 → 达进度, green.
  { unit: 3, region: '甲区', status: 'in_progress', dueDate: '2026-12-31', percent: 45, light: 'green', pace: 'on_pace', overdue: false, lagging: false },
  { unit: 3, region: null, status: 'in_progress', dueDate: '2026-12-31', percent: 45, light: 'green', pace: 'on_pace', overdue: false, lagging: false },
  // 20 %: −29.5 → 欠进度, yellow (behind pace).
  { unit: 1, region: null, status: 'in_progress', dueDate: '2026-12-31', percent: 20, light: 'yellow', pace: 'behind', overdue: false, lagging: true },
  { unit: 2, region: null, status: 'in_progress', dueDate: '2026-12-31', percent: 20, light: 'yellow', pace: 'behind', overdue: false, lagging: true },
  // never accepted: yellow, 未启动 while 49.5 % is expected → lagging.
  { unit: 1, region: '乙区', status: 'pending_acceptance', dueDate: '2026-12-31', percent: null, light: 'yellow', pace: 'not_started', overdue: false, lagging: true },
  // withdrawn: neutral, no pace class.
  { unit: 3, region: null, status: 'withdrawn', dueDate: '2026-12-31', percent: null, light: 'neutral', pace: null, overdue: false, lagging: false },
  // Two-year task with a 2026 target of 100, actual 80 reported: judged by the target against 2026 elapsed (49.5 %) → 超进度
  // (its 30 % reported alone, against 24.7 % of 2026-01-01→2027-12-31, would be 达进度). Light from the percent: green.
  { unit: 3, region: '乙区', status: 'in_progress', dueDate: '2027-12-31', percent: 30, targets: [{ metric: METRIC, year: 2026, value: 100 }, { metric: METRIC, year: 2027, value: 200 }], actual: 80, light: 'green', pace: 'ahead', overdue: false, lagging: false },
];

const tally = (values: readonly (string | null)[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) if (value !== null) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};
const nonZero = (entries: readonly { key: string; count: number }[]) => Object.fromEntries(entries.filter((entry) => entry.count > 0).map((entry) => [entry.key, entry.count]));

/** Statistics endpoints' counts over a published plan with a mix of states (read model rows, no workflows). */
describe('statistics (驾驶舱)', () => {
  let db: DataSource;
  let services: INestApplicationContext;
  let statistics: StatisticsService;
  let planId: string;
  let unitNames: string[];

  beforeAll(async () => {
    const run = useTestEnvironment('statistics');
    db = await openDatabase(run);
    services = await startServices();
    statistics = services.get(StatisticsService);
    const prefix = `统计测试${Date.now() % 100000}第`;
    planId = await insertSyntheticPlan(db, 1, 3, {}, prefix);
    await db.query("UPDATE plans SET status = 'published' WHERE id = $1", [planId]);
    unitNames = [1, 2, 3].map((n) => `${prefix}${n}局`);
    const unitIds = await ensureSyntheticUnits(db, unitNames);
    for (const [index, row] of ROWS.entries()) {
      const unitName = unitNames[row.unit - 1]!;
      const key = `${planId}/${index}`;
      const base = createAssignmentState({ key, unitId: unitName, startDate: '2026-01-01', dueDate: row.dueDate });
      const accepted = row.status !== 'pending_acceptance';
      const state: AssignmentState = {
        ...base,
        status: row.status,
        acceptedAt: accepted ? at('2026-01-05') : null,
        lastReport: row.percent === null ? null : { at: at('2026-06-25'), percent: row.percent, actualValue: null },
        reportCount: row.percent === null ? 0 : 1,
        ...(row.status === 'closed'
          ? { closureRequest: { at: at('2026-05-20'), date: '2026-05-20', summary: '已完成', evidenceLinks: [] }, closedAt: at('2026-05-22'), completedDate: '2026-05-20' }
          : {}),
      };
      const id = randomUUID();
      await db.query(
        `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_id, unit_name, responsibility, region, status, light,
                                  start_date, original_due_date, due_date, due_at, percent, targets, state, version, workflow_started)
         VALUES ($1, $2, $3, $4, 'task', 1, '统计任务', $5, $6, 'lead', $7, $8, 'green', '2026-01-01', $9, $9, $10, $11, $12, $13, 1, true)`,
        [id, key, `statistics-test:${key}`, planId, unitIds.get(unitName), unitName, row.region, row.status, row.dueDate, new Date(state.dueAt), row.percent, JSON.stringify(row.targets ?? []), JSON.stringify(state)],
      );
      if (row.actual !== undefined) {
        await db.query(
          `INSERT INTO progress_reports (assignment_id, seq, percent, actual_value, text, actuals, actor, reported_at) VALUES ($1, 2, $2, NULL, '进展', $3, '{"role":"unit_staff"}', $4)`,
          [id, row.percent, JSON.stringify([{ metric: METRIC, year: 2026, region: null, value: row.actual }]), new Date(at('2026-06-25'))],
        );
      }
    }
  });

  afterAll(async () => {
    await services?.close();
    await db?.destroy();
  });

  it('counts by light, 序时进度 class and status, per unit and region, as worked out by hand and as SQL counts them', async () => {
    const overview = await statistics.overview({ planId, asOf: AS_OF }, supervisor);
    expect(overview.total).toBe(14);
    expect(nonZero(overview.byLight)).toEqual(tally(ROWS.map((row) => row.light)));
    expect(nonZero(overview.byLight)).toEqual({ neutral: 3, red: 3, green: 5, yellow: 3 });
    expect(nonZero(overview.byPace)).toEqual({ completed: 2, behind: 5, ahead: 3, on_pace: 2, not_started: 1 });
    expect(overview.overdue).toBe(3);
    expect(overview.lagging).toBe(6);
    expect(overview.open).toBe(11);

    // Independent SQL counts over the same rows: statuses, units, regions, and overdue (the read model's predicate).
    const statuses = (await db.query('SELECT status AS key, count(*)::int AS count FROM assignments WHERE plan_id = $1 GROUP BY status', [planId])) as { key: string; count: number }[];
    expect(nonZero(overview.byStatus)).toEqual(nonZero(statuses));
    const units = (await db.query('SELECT unit_name, count(*)::int AS total FROM assignments WHERE plan_id = $1 GROUP BY unit_name ORDER BY unit_name', [planId])) as { unit_name: string; total: number }[];
    expect(overview.byUnit.map((unit) => ({ unit_name: unit.unitName, total: unit.total })).sort((a, b) => (a.unit_name < b.unit_name ? -1 : 1))).toEqual(units);
    const regions = (await db.query('SELECT region, count(*)::int AS total FROM assignments WHERE plan_id = $1 AND region IS NOT NULL GROUP BY region ORDER BY region', [planId])) as { region: string; total: number }[];
    expect(overview.byRegion.map((region) => ({ region: region.region, total: region.total }))).toEqual(regions);
    const [{ overdue }] = await db.query(`SELECT count(*)::int AS overdue FROM assignments a WHERE a.plan_id = $1 AND ${overdueSql('a', '$2::timestamptz')}`, [planId, new Date(endOfShanghaiDay(AS_OF))]);
    expect(overview.overdue).toBe(overdue);

    // Per unit, by hand: unit 1 has 5 rows (red 2, yellow 2, neutral 1), 4 lagging; unit 2 has 4 (red 1, yellow 1, green 1, neutral 1), 2 lagging; unit 3 has 5, none lagging.
    const byName = Object.fromEntries(overview.byUnit.map((unit) => [unit.unitName, unit]));
    expect(byName[unitNames[0]!]).toMatchObject({ total: 5, lagging: 4, overdue: 2, byLight: { red: 2, yellow: 2, green: 0, neutral: 1 } });
    expect(byName[unitNames[1]!]).toMatchObject({ total: 4, lagging: 2, overdue: 1, byLight: { red: 1, yellow: 1, green: 1, neutral: 1 } });
    expect(byName[unitNames[2]!]).toMatchObject({ total: 5, lagging: 0, overdue: 0 });
    expect(overview.mostLaggingUnits.map((unit) => [unit.unitName, unit.lagging, unit.laggingShare])).toEqual([
      [unitNames[0], 4, 80],
      [unitNames[1], 2, 50],
    ]);
    expect(overview.byRegion.find((region) => region.region === '乙区')).toMatchObject({ total: 4, overdue: 2, lagging: 3 });
  });

  it('records a day for the overdue trend and reads it back; days without a record stay empty', async () => {
    await statistics.recordDay(AS_OF);
    // Re-recording a day replaces it (one row per plan and day).
    await statistics.recordDay(AS_OF);
    const [{ rows }] = await db.query('SELECT count(*)::int AS rows FROM statistics_daily WHERE plan_id = $1 AND day = $2', [planId, AS_OF]);
    expect(rows).toBe(1);
    const trend = await statistics.trend({ planId, from: '2026-06-29', to: AS_OF }, supervisor);
    expect(trend.points).toEqual([
      { day: '2026-06-29', total: null, overdue: null, lagging: null, red: null, overdueShare: null },
      { day: AS_OF, total: 14, overdue: 3, lagging: 6, red: 3, overdueShare: 21.4 },
    ]);
  });

  it('refuses unit staff, bad dates and unknown plans in Chinese', async () => {
    await expect(statistics.overview({ planId }, { role: 'unit_staff', unitIds: [unitNames[0]!], id: 'staff' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(statistics.overview({ planId, asOf: '2026-02-30' }, supervisor)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('无效') });
    await expect(statistics.overview({ planId: '00000000-0000-4000-8000-000000000000' }, supervisor)).rejects.toMatchObject({ code: 'not_found' });
    await expect(statistics.trend({ planId, from: '2026-07-01', to: '2026-06-01' }, supervisor)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
