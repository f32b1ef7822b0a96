import { at, stateIn } from '../testing/test-fixtures';
import { assignmentStanding } from './bulletin-snapshot';
import { BulletinSummaryBuilder, summarizeBulletin, type SnapshotGroup, type SnapshotRow } from './bulletin-summary';
import { bulletinTitle, chineseDate, draftBulletinText } from './bulletin-text';

const AS_OF = '2025-06-30';

describe('assignmentStanding (one snapshot row at the cut-off)', () => {
  it('an assignment 20 working days overdue is red, lagging and a 通报 candidate by the ladder’s schedule', () => {
    const longOverdue = stateIn('in_progress', { key: 'long', dueDate: '2025-05-30', dueAt: Date.parse('2025-05-31T00:00:00+08:00') });
    expect(assignmentStanding(longOverdue, AS_OF)).toEqual({
      light: 'red', pace: 'not_started', expectedPercent: 100, progressPercent: null, overdue: true, overdueWorkingDays: 20, candidate: true, lagging: true,
    });
  });

  it('one on track is neither lagging nor a candidate; its pace compares the report with the 序时进度', () => {
    const onTrack = stateIn('in_progress', {
      key: 'on-track', startDate: '2025-01-01', dueDate: '2025-12-31', dueAt: Date.parse('2026-01-01T00:00:00+08:00'),
      lastReport: { at: at('2025-06-20'), percent: 60, actualValue: null },
    });
    const standing = assignmentStanding(onTrack, AS_OF);
    expect(standing).toMatchObject({ light: 'green', pace: 'ahead', overdue: false, candidate: false, lagging: false, progressPercent: 60 });
    // (2025-01-01, 06-30] is 180 of the 364 days to 12-31: 49.5 %.
    expect(standing.expectedPercent).toBe(49.5);
    // The same assignment behind its 序时进度 by more than the plan's tolerance is lagging.
    const behind = assignmentStanding({ ...onTrack, lastReport: { at: at('2025-06-20'), percent: 20, actualValue: null } }, AS_OF);
    expect(behind).toMatchObject({ pace: 'behind', lagging: true, overdue: false });
    expect(assignmentStanding({ ...onTrack, lastReport: { at: at('2025-06-20'), percent: 20, actualValue: null } }, AS_OF, { pace: { behindTolerancePercent: 40 } }).pace).toBe('on_pace');
  });

  it('a closed assignment is completed and neutral', () => {
    expect(assignmentStanding(stateIn('closed', { key: 'closed' }), AS_OF)).toMatchObject({ light: 'neutral', pace: 'completed', lagging: false, candidate: false });
  });
});

function row(overrides: Partial<SnapshotRow>): SnapshotRow {
  return {
    assignmentId: 'a', unitId: 'u1', unitName: '市卫健委', region: null, taskNumber: 1, taskTitle: '建设平台', status: 'in_progress',
    light: 'green', pace: 'on_pace', progressPercent: 50, expectedPercent: 50, overdue: false, overdueWorkingDays: 0, candidate: false, lagging: false,
    ...overrides,
  };
}

describe('summarizeBulletin', () => {
  const rows: SnapshotRow[] = [
    row({ assignmentId: 'a1', pace: 'completed', light: 'neutral', status: 'closed' }),
    row({ assignmentId: 'a2', pace: 'ahead' }),
    row({ assignmentId: 'b1', unitId: 'u2', unitName: '市财政局', region: '崇川区', pace: 'not_started', light: 'red', overdue: true, overdueWorkingDays: 20, lagging: true, candidate: true, taskNumber: 2 }),
    row({ assignmentId: 'b2', unitId: 'u2', unitName: '市财政局', region: '海门区', pace: 'behind', light: 'yellow', lagging: true, taskNumber: 3 }),
    row({ assignmentId: 'c1', unitId: 'u3', unitName: '市发改委', region: '崇川区', pace: null, light: 'neutral', status: 'withdrawn' }),
  ];
  const summary = summarizeBulletin(rows);

  it('counts and shares per class', () => {
    expect(summary.total).toBe(5);
    expect(summary.byPace.map(({ key, count, share }) => [key, count, share])).toEqual([
      ['completed', 1, 20], ['ahead', 1, 20], ['on_pace', 0, 0], ['behind', 1, 20], ['not_started', 1, 20],
    ]);
    expect(summary.byLight.find((entry) => entry.key === 'red')).toEqual({ key: 'red', label: '红灯', count: 1, share: 20 });
    expect(summary.byStatus.map(({ key, label, count }) => [key, label, count])).toEqual([['closed', '已办结', 1], ['in_progress', '办理中', 3], ['withdrawn', '已撤销', 1]]);
  });

  it('counts per unit (by id) and region', () => {
    expect(summary.byUnit.map(({ unitId, unitName, total, lagging, overdue }) => ({ unitId, unitName, total, lagging, overdue }))).toEqual([
      { unitId: 'u1', unitName: '市卫健委', total: 2, lagging: 0, overdue: 0 },
      { unitId: 'u3', unitName: '市发改委', total: 1, lagging: 0, overdue: 0 },
      { unitId: 'u2', unitName: '市财政局', total: 2, lagging: 2, overdue: 1 },
    ]);
    expect(summary.byRegion.map(({ region, total, byLight }) => [region, total, byLight.red])).toEqual([['崇川区', 2, 1], ['海门区', 1, 0]]);
  });

  it('names the lagging items (most overdue first), the fast units, the most red and the candidates', () => {
    expect(summary.laggingItems.map((item) => item.assignmentId)).toEqual(['b1', 'b2']);
    expect(summary.laggingTotal).toBe(2);
    expect(summary.fastUnits.map((unit) => unit.unitName)).toEqual(['市卫健委']);
    expect(summary.mostRedUnits).toEqual([{ unitId: 'u2', unitName: '市财政局', red: 1 }]);
    expect(summary.candidates.map((item) => item.assignmentId)).toEqual(['b1']);
    expect(summary.candidateTotal).toBe(1);
    expect(summarizeBulletin(rows, 1).laggingItems.map((item) => item.assignmentId)).toEqual(['b1']);
    expect(summarizeBulletin(rows, 1).laggingTotal).toBe(2);
  });

  it('drafts the text in the customary structure with counts and percentages', () => {
    const text = draftBulletinText({ planTitle: '南通市专项行动方案', asOf: AS_OF, kind: 'half_year', summary });
    const headings = text.split('\n').filter((line) => /^[一二三四五]、/.test(line));
    expect(headings).toEqual(['一、总体情况', '二、进展较快的单位', '三、进展滞后的事项和单位', '四、存在问题', '五、下步工作要求']);
    expect(text).toContain('截至2025年6月30日，《南通市专项行动方案》共分解任务5项。');
    expect(text).toContain('已完成1项，占20%；超进度1项，占20%；达进度0项，占0%；欠进度1项，占20%；未启动1项，占20%。');
    expect(text).toContain('1. 市财政局（崇川区）：第2项任务“建设平台”，尚未启动，已逾期20个工作日。');
    expect(text).toContain('2. 市财政局（海门区）：第3项任务“建设平台”，进度滞后于序时进度。');
    expect(text).toContain('红灯事项较多的单位：市财政局（1项）。');
    expect(text).toContain('市卫健委等1个单位承担的任务均已完成或超序时进度推进。');
    expect(bulletinTitle({ planTitle: '南通市专项行动方案', asOf: AS_OF, kind: 'half_year' })).toBe('关于《南通市专项行动方案》2025年上半年推进情况的通报');
    expect(bulletinTitle({ planTitle: '方案', asOf: '2025-09-15', kind: 'on_demand' })).toBe('关于《方案》截至2025年9月15日推进情况的通报');
    expect(chineseDate('2026-12-31')).toBe('2026年12月31日');
  });
});

describe('BulletinSummaryBuilder from counted groups (the set-based snapshot)', () => {
  it('gives the same summary as adding the rows one by one: groups counted, candidates and the first lagging rows named', () => {
    const rows: SnapshotRow[] = Array.from({ length: 60 }, (_, index) => {
      const lagging = index % 3 === 0;
      return row({
        assignmentId: `a${String(index).padStart(3, '0')}`,
        unitId: `u${index % 4}`,
        // A unit printed under two names: its first row (in id order) names it.
        unitName: index % 4 === 1 && index > 20 ? '市卫健委（别名）' : `单位${index % 4}`,
        region: index % 5 === 0 ? null : `第${index % 3}区`,
        taskNumber: index % 7 === 0 ? null : (index % 9) + 1,
        status: ['in_progress', 'closed', 'pending_acceptance'][index % 3]!,
        light: (['green', 'yellow', 'red', 'neutral'] as const)[index % 4]!,
        pace: (['completed', 'ahead', 'on_pace', 'behind', 'not_started', null] as const)[index % 6]!,
        overdue: lagging && index % 2 === 0,
        overdueWorkingDays: lagging ? index % 11 : 0,
        candidate: lagging && index % 4 === 0,
        lagging,
      });
    });
    const maxNamed = 5;
    const byRow = summarizeBulletin(rows, maxNamed);

    const builder = new BulletinSummaryBuilder();
    const groups = new Map<string, SnapshotGroup>();
    const firstName = new Map<string, string>();
    for (const one of rows) {
      if (!firstName.has(one.unitId)) firstName.set(one.unitId, one.unitName);
      const key = JSON.stringify([one.unitId, one.region, one.status, one.light, one.pace, one.overdue, one.lagging, one.candidate]);
      const group = groups.get(key);
      groups.set(key, { ...one, unitName: firstName.get(one.unitId)!, count: (group?.count ?? 0) + 1 });
    }
    // Groups arrive in any order (a GROUP BY has none).
    for (const group of [...groups.values()].reverse()) builder.addGroup(group);
    // The lagging rows named by SQL's ORDER BY (BY_MOST_OVERDUE_SQL) up to the limit: here, the first by byMostOverdue.
    for (const item of byRow.laggingItems) builder.addLaggingItem(rows.find((one) => one.assignmentId === item.assignmentId)!);
    for (const one of rows.filter((candidate) => candidate.candidate).reverse()) builder.addCandidate(one);
    expect(builder.build(maxNamed)).toEqual(byRow);
    expect(byRow.laggingTotal).toBe(20);
    // Rows 0, 12, 24, 36 and 48 are candidates; a lower cap names the most overdue and still counts them all.
    expect(byRow.candidateTotal).toBe(5);
    const capped = summarizeBulletin(rows, 2);
    expect(capped.candidates.map((item) => item.assignmentId)).toEqual(byRow.candidates.slice(0, 2).map((item) => item.assignmentId));
    expect(capped.candidateTotal).toBe(5);
  });
});
