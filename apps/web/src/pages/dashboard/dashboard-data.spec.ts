import type { AssignmentSummary } from '../../api/resources/assignments.api';
import { aggregate } from './dashboard-data';

/** Red items carry the overdue reason as the workflow writes it (days counted to 2026-06-30). */
function item(unitName: string, light: string, dueDate: string, extra: Partial<AssignmentSummary> = {}): AssignmentSummary {
  const days = Math.round((Date.parse('2026-06-30') - Date.parse(dueDate)) / 86_400_000);
  const lightReasons = light === 'red' ? [{ code: 'overdue', dueDate, overdueCalendarDays: days, overdueWorkingDays: days, text: `已逾期${days}天` }] : [];
  return { id: `${unitName}-${dueDate}-${light}`, planId: 'p', taskNumber: 1, taskTitle: 't', unitName, responsibility: 'lead', region: null, status: 'in_progress', light, lightReasons, dueDate, percent: null, escalationLevel: null, talkCount: 0, proposed: false, updatedAt: '', ...extra };
}

describe('dashboard aggregation', () => {
  const totals = { red: 3, yellow: 1, green: 1, neutral: 0, open: 5 };

  it('counts lights by unit and region and ranks the most lagging units first', () => {
    const data = aggregate(
      [
        item('市卫健委', 'red', '2026-05-31', { region: '崇川区', escalationLevel: 'supervise' }),
        item('市卫健委', 'red', '2026-06-15', { region: '崇川区', escalationLevel: 'urge', talkCount: 1 }),
        item('市发改委', 'red', '2026-06-20', { region: '通州区', escalationLevel: 'urge' }),
        item('市发改委', 'yellow', '2026-07-05', { region: '通州区' }),
        item('市财政局', 'green', '2026-12-31', { status: 'pending_acceptance' }),
      ],
      totals,
      '2026-06-30',
      false,
    );
    expect(data.byUnit.map((row) => [row.unit, row.red, row.yellow, row.green, row.overdue, row.overdueDays, row.talks])).toEqual([
      ['市卫健委', 2, 0, 0, 2, 45, 1],
      ['市发改委', 1, 1, 0, 1, 10, 0],
      ['市财政局', 0, 0, 1, 0, 0, 0],
    ]);
    expect(data.byRegion).toEqual([
      { region: '崇川区', red: 2, yellow: 0, green: 0 },
      { region: '通州区', red: 1, yellow: 1, green: 0 },
    ]);
    expect(data.ladder).toEqual({ supervise: 1, urge: 2 });
    expect(data.overdueByMonth).toEqual([
      { month: '2026-05', count: 1 },
      { month: '2026-06', count: 2 },
    ]);
  });

  it('does not count a closure under review as overdue', () => {
    const data = aggregate([item('市卫健委', 'neutral', '2026-01-31', { status: 'closure_requested' })], totals, '2026-06-30', false);
    expect(data.byUnit[0]).toMatchObject({ overdue: 0, red: 0 });
  });
});
