import { Client } from 'pg';
import { addCalendarDays, endOfShanghaiDay, isMakeupWorkday, isPublicHoliday, shanghaiInstant, workdaySeqSql, type BusinessDate } from '@duban/calendar';
import {
  ASSIGNMENT_STATUSES,
  assignmentStanding,
  assignmentStandingSql,
  createAssignmentState,
  ESCALATION_LEVELS,
  standingSourceFromStateSql,
  type AssignmentStanding,
  type AssignmentState,
  type StandingSettings,
} from '@duban/domain';
import { readTestRun } from '../support/test-run';

/**
 * The bulletin's set-based snapshot judges assignments with the SQL forms of the standing rules (light, pace,
 * overdue, overdue working days, ladder, lagging); this proves they answer exactly like assignmentStanding, field
 * by field, over generated states: every status, dates around public holidays and 调休 make-up workdays (2026, which
 * chinese-days knows) and in a year it does not know (2027: Monday–Friday), extensions (due date moved, dueAt off the
 * day boundary), reports at the edges of the pace thresholds, closure requests before and after the deadline,
 * recorded ladder levels, and four settings (defaults; working-day pace with tight thresholds and a weekly cadence;
 * a quarterly cadence with a short working-day ladder fired at 18:00; a millisecond ladder).
 */

function random(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value * 1664525 + 1013904223) >>> 0;
    return value / 2 ** 32;
  };
}

const DAY = 86_400_000;
const ANCHORS: BusinessDate[] = [
  '2025-12-31', '2026-01-01', '2026-01-04', '2026-02-14', '2026-02-15', '2026-02-28', '2026-04-30', '2026-05-05', '2026-05-09',
  '2026-06-19', '2026-09-20', '2026-09-30', '2026-10-01', '2026-10-07', '2026-10-10', '2026-11-30', '2026-12-31', '2027-01-01',
  '2027-02-10', '2027-06-30', '2027-12-31',
];
const AS_OFS: BusinessDate[] = ['2026-01-04', '2026-06-30', '2026-10-01', '2026-10-09', '2026-11-30', '2026-12-31', '2027-06-30'];
const SETTINGS: StandingSettings[] = [
  {},
  {
    pace: { basis: 'working', aheadMarginPercent: 5, behindTolerancePercent: 15 },
    light: { paceBasis: 'working', reportCadence: 'weekly', dueSoonWorkingDays: 3, acceptanceWorkingDays: 1, paceTolerancePercent: 5 },
  },
  {
    light: { reportCadence: 'quarterly' },
    ladder: {
      steps: [
        { level: 'urge', afterWorkingDays: 0, audiences: ['unit'] },
        { level: 'bulletin', afterWorkingDays: 3, audiences: ['bulletin'] },
        { level: 'talk', afterWorkingDays: 7, audiences: ['coordinator'] },
      ],
      notifyAt: '18:00',
    },
  },
  { ladder: { steps: [{ level: 'urge', afterMs: 0, audiences: ['unit'] }, { level: 'bulletin', afterMs: 3 * DAY, audiences: ['bulletin'] }] } },
];
const STATES = 1500;

function generate(count: number): AssignmentState[] {
  const next = random(20261202);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const dateNear = (date: BusinessDate, days: number) => addCalendarDays(date, between(-days, days));
  return Array.from({ length: count }, (_, index): AssignmentState => {
    const startDate = dateNear(pick(ANCHORS), 20);
    const dueDate = next() < 0.1 ? addCalendarDays(startDate, between(-10, 0)) : next() < 0.5 ? dateNear(pick(ANCHORS), 15) : addCalendarDays(startDate, between(1, 400));
    const base = createAssignmentState({ key: `agreement/${index}`, unitId: '市第1局', startDate, dueDate });
    const status = pick(ASSIGNMENT_STATUSES);
    // An extension moved the due date; a test-speed or odd dueAt sits off the day boundary.
    const originalDueDate = next() < 0.2 ? addCalendarDays(dueDate, -between(1, 60)) : dueDate;
    const dueAt = next() < 0.75 ? base.dueAt : base.dueAt + pick([-1, 1, -3_600_000, 3_600_000, -2 * DAY, between(-5, 5) * DAY + between(0, DAY)]);
    const percent = pick([null, 0, 0.04, 5, 9.95, 10, 10.05, 25, 33.3, 49.95, 50, 50.05, 66.7, 90, 99.95, 100, 120, between(0, 1000) / 10]);
    const lastReport =
      next() < 0.3 ? null : { at: shanghaiInstant(dateNear(startDate, 200), pick(['00:00', '09:30', '23:59:59.999'])), percent, actualValue: next() < 0.15 ? between(0, 200) : null };
    const closureDate = dateNear(dueDate, 20);
    const hasClosure = status === 'closure_requested' || status === 'closed' ? next() < 0.9 : next() < 0.1;
    const closureAt = pick([shanghaiInstant(closureDate, '15:00'), dueAt - 1, dueAt, dueAt + 1]);
    const levels = ESCALATION_LEVELS.filter(() => next() < 0.25);
    const state: AssignmentState = {
      ...base,
      status,
      originalDueDate,
      dueAt,
      acceptedAt: status === 'pending_acceptance' || next() < 0.3 ? null : shanghaiInstant(dateNear(startDate, 10), '10:00'),
      lastReport,
      reportCount: lastReport ? 1 : 0,
      closureRequest: hasClosure ? { at: closureAt, date: closureDate, summary: '已完成', evidenceLinks: [] } : null,
      completedDate: status === 'closed' && next() < 0.8 ? closureDate : null,
      reachedLevels: levels,
      ...(next() < 0.2 ? { pastMilestones: [{ due: addCalendarDays(startDate, -5), text: '阶段目标' }] } : {}),
    };
    // A few states carry one numeric target (progress is then actual / target).
    return next() < 0.05 ? ({ ...state, target: pick([0, 40, 80]), actual: pick([null, 10, 60]) } as AssignmentState) : state;
  });
}

type Judged = Pick<AssignmentStanding, 'light' | 'pace' | 'expectedPercent' | 'progressPercent' | 'overdue' | 'overdueWorkingDays' | 'candidate' | 'lagging'>;
const FIELDS: readonly (keyof Judged)[] = ['light', 'pace', 'expectedPercent', 'progressPercent', 'overdue', 'overdueWorkingDays', 'candidate', 'lagging'];

describe('the standing rules: SQL forms and TypeScript agree', () => {
  const client = new Client({ connectionString: readTestRun().databaseUrl });
  const states = generate(STATES);

  beforeAll(() => client.connect());
  afterAll(() => client.end());

  async function judgeInSql(asOf: BusinessDate, settings: StandingSettings, batch: readonly unknown[]): Promise<(Judged & { covered: boolean })[]> {
    const source = standingSourceFromStateSql('a.state');
    const at = { asOf: '$2::date', asOfSeq: workdaySeqSql('$2::date'), instantMs: '$3::numeric' };
    const judged = assignmentStandingSql(source.columns, at, settings)!;
    const sql = judged.columns;
    const result = await client.query(
      `SELECT ${source.covered} AND ${at.asOfSeq} IS NOT NULL AS covered, ${sql.light} AS light, ${sql.pace} AS pace,
              ${sql.expected_percent} AS "expectedPercent", ${sql.progress_percent} AS "progressPercent", ${sql.overdue} AS overdue,
              ${sql.overdue_working_days} AS "overdueWorkingDays", ${sql.candidate} AS candidate, ${sql.lagging} AS lagging
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS a(state, n) ${source.joins} ${judged.joins} ORDER BY a.n`,
      [JSON.stringify(batch), asOf, endOfShanghaiDay(asOf)],
    );
    return result.rows as (Judged & { covered: boolean })[];
  }

  it(`judges ${STATES} generated states × ${AS_OFS.length} cut-offs × ${SETTINGS.length} settings exactly like assignmentStanding`, async () => {
    const disagreements: unknown[] = [];
    const seen = { light: new Set<string>(), pace: new Set<string | null>(), status: new Set<string>(), candidate: new Set<boolean>(), lagging: new Set<boolean>() };
    let overdueDays = 0;
    for (const settings of SETTINGS) {
      for (const asOf of AS_OFS) {
        const rows = await judgeInSql(asOf, settings, states);
        expect(rows).toHaveLength(states.length);
        states.forEach((state, index) => {
          const row = rows[index]!;
          const expected = assignmentStanding(state, asOf, settings);
          const wrong = FIELDS.filter((field) => row[field] !== expected[field]);
          if (!row.covered || wrong.length > 0) disagreements.push({ asOf, settings: SETTINGS.indexOf(settings), state, covered: row.covered, sql: row, ts: expected, wrong });
          seen.light.add(expected.light);
          seen.pace.add(expected.pace);
          seen.status.add(state.status);
          seen.candidate.add(expected.candidate);
          seen.lagging.add(expected.lagging);
          if (expected.overdueWorkingDays > 0) overdueDays++;
        });
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // The sample reaches every answer the rules give.
    expect(seen.status).toEqual(new Set(ASSIGNMENT_STATUSES));
    expect(seen.light).toEqual(new Set(['green', 'yellow', 'red', 'neutral']));
    expect(seen.pace).toEqual(new Set(['completed', 'ahead', 'on_pace', 'behind', 'not_started', null]));
    expect(seen.candidate).toEqual(new Set([true, false]));
    expect(seen.lagging).toEqual(new Set([true, false]));
    expect(overdueDays).toBeGreaterThan(1000);
    // …and its dates straddle public holidays and make-up workdays.
    expect(states.some((state) => isPublicHoliday(state.startDate)) && states.some((state) => isMakeupWorkday(state.dueDate))).toBe(true);
  });

  it('says when a date lies outside the calendar table (that row is judged in TypeScript)', async () => {
    const inside = createAssignmentState({ key: 'agreement/inside', unitId: '市第1局', startDate: '2026-03-02', dueDate: '2026-09-30' });
    const before = createAssignmentState({ key: 'agreement/before', unitId: '市第1局', startDate: '1999-12-01', dueDate: '2026-09-30' });
    const after = createAssignmentState({ key: 'agreement/after', unitId: '市第1局', startDate: '2026-03-02', dueDate: '2101-01-10' });
    const rows = await judgeInSql('2026-06-30', {}, [inside, before, after]);
    expect(rows.map((row) => row.covered)).toEqual([true, false, false]);
  });
});
