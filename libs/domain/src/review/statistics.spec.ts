import type { UnitCounts } from './bulletin-summary';
import { mostLaggingUnits, overdueTrend } from './statistics';

const unit = (unitId: string, unitName: string, total: number, lagging: number, overdue: number, red: number): UnitCounts => ({
  unitId,
  unitName,
  total,
  lagging,
  overdue,
  byLight: { red, yellow: 0, green: total - red, neutral: 0 },
  byPace: { completed: 0, ahead: 0, on_pace: 0, behind: lagging, not_started: total - lagging },
});

describe('mostLaggingUnits (最滞后的单位)', () => {
  const units = [
    unit('u1', '市发改委', 10, 2, 1, 1),
    unit('u2', '市卫健委', 4, 4, 4, 4),
    unit('u3', '市民政局', 8, 2, 2, 0),
    unit('u4', '市财政局', 5, 0, 0, 0),
    unit('u5', '市教育局', 6, 2, 1, 3),
  ];

  it('ranks by lagging items, then overdue, then red, then name; leaves out units with none', () => {
    expect(mostLaggingUnits(units).map((entry) => entry.unitId)).toEqual(['u2', 'u3', 'u5', 'u1']);
  });

  it('gives the lagging share and honours the limit', () => {
    const [first, second] = mostLaggingUnits(units, 2);
    expect(first).toEqual({ unitId: 'u2', unitName: '市卫健委', total: 4, lagging: 4, overdue: 4, red: 4, laggingShare: 100 });
    expect(second!.laggingShare).toBe(25);
    expect(mostLaggingUnits(units, 2)).toHaveLength(2);
    expect(mostLaggingUnits(units, 0)).toEqual([]);
  });
});

describe('overdueTrend', () => {
  it('sums the plans of a day and leaves unrecorded days empty', () => {
    const trend = overdueTrend(
      [
        { day: '2026-06-01', total: 10, overdue: 2, lagging: 3, red: 2 },
        { day: '2026-06-01', total: 30, overdue: 4, lagging: 5, red: 1 },
        { day: '2026-06-03', total: 40, overdue: 10, lagging: 12, red: 9 },
        { day: '2026-05-31', total: 99, overdue: 99, lagging: 99, red: 99 },
      ],
      '2026-06-01',
      '2026-06-03',
    );
    expect(trend).toEqual([
      { day: '2026-06-01', total: 40, overdue: 6, lagging: 8, red: 3, overdueShare: 15 },
      { day: '2026-06-02', total: null, overdue: null, lagging: null, red: null, overdueShare: null },
      { day: '2026-06-03', total: 40, overdue: 10, lagging: 12, red: 9, overdueShare: 25 },
    ]);
  });

  it('has no share for a day without assignments, nothing for a reversed range, and refuses over a year', () => {
    expect(overdueTrend([{ day: '2026-06-01', total: 0, overdue: 0, lagging: 0, red: 0 }], '2026-06-01', '2026-06-01')[0]!.overdueShare).toBeNull();
    expect(overdueTrend([], '2026-06-02', '2026-06-01')).toEqual([]);
    expect(() => overdueTrend([], '2025-01-01', '2026-01-02')).toThrow(RangeError);
  });
});
