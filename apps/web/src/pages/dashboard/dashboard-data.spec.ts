import type { StatisticsOverview } from '../../api/resources/statistics.api';
import { toDashboard } from './dashboard-data';

const group = (red: number, yellow: number, green: number, overdue: number, lagging: number) => ({
  total: red + yellow + green,
  byLight: { red, yellow, green, neutral: 0 },
  byPace: { completed: 0, ahead: 0, on_pace: 0, behind: lagging, not_started: 0 },
  overdue,
  lagging,
});

const overview: StatisticsOverview = {
  asOf: '2026-06-30',
  planId: null,
  plans: 1,
  total: 9,
  open: 8,
  overdue: 3,
  lagging: 4,
  byEscalationLevel: [
    { key: 'urge', label: '催办', count: 2 },
    { key: 'supervise', label: '督办', count: 0 },
  ],
  byLight: [
    { key: 'green', label: '绿灯', count: 3, share: 33.3 },
    { key: 'yellow', label: '黄灯', count: 2, share: 22.2 },
    { key: 'red', label: '红灯', count: 3, share: 33.3 },
    { key: 'neutral', label: '—', count: 1, share: 11.1 },
  ],
  byPace: [{ key: 'behind', label: '欠进度', count: 4, share: 44.4 }],
  byStatus: [],
  byUnit: [
    { unitId: 'u1', unitName: '市发改委', ...group(1, 1, 2, 1, 1) },
    { unitId: 'u2', unitName: '市卫健委', ...group(2, 0, 1, 2, 3) },
    { unitId: 'u3', unitName: '市民政局', ...group(0, 1, 0, 0, 0) },
  ],
  byRegion: [{ region: '崇川区', ...group(1, 0, 0, 1, 1) }],
  mostLaggingUnits: [{ unitId: 'u2', unitName: '市卫健委', total: 3, lagging: 3, overdue: 2, red: 2, laggingShare: 100 }],
};

describe('dashboard data from the statistics endpoints', () => {
  it('takes the totals by light and the open, overdue and lagging counts from the overview', () => {
    const data = toDashboard(overview, []);
    expect(data.totals).toEqual({ red: 3, yellow: 2, green: 3, neutral: 1, open: 8, overdue: 3, lagging: 4 });
  });

  it('orders units by red, then overdue, then yellow, and keeps levels that were reached', () => {
    const data = toDashboard(overview, []);
    expect(data.byUnit.map((row) => row.unit)).toEqual(['市卫健委', '市发改委', '市民政局']);
    expect(data.byUnit[0]).toEqual({ unitId: 'u2', unit: '市卫健委', red: 2, yellow: 0, green: 1, overdue: 2, lagging: 3 });
    expect(data.ladder).toEqual([{ key: 'urge', label: '催办', count: 2 }]);
    expect(data.byRegion).toEqual([{ region: '崇川区', red: 1, yellow: 0, green: 0 }]);
  });

  it('passes the trend and the most lagging units through', () => {
    const trend = [{ day: '2026-06-29', total: 9, overdue: 2, lagging: 3, red: 2, overdueShare: 22.2 }];
    const data = toDashboard(overview, trend);
    expect(data.trend).toEqual(trend);
    expect(data.mostLagging[0]!.unitName).toBe('市卫健委');
  });
});
