import { computeTrafficLight } from './traffic-light';
import { at, freshState, stateIn } from '../testing/test-fixtures';

// Fixture: start 2025-01-02, due 2025-06-30 (a Monday), unit 市卫健委.
const report = (date: string, percent: number | null) => ({ lastReport: { at: at(date), percent, actualValue: null } });

describe('computeTrafficLight', () => {
  it.each([
    ['closed', 'closed'],
    ['withdrawn', 'withdrawn'],
    ['reassigned', 'reassigned'],
    ['declined', 'declined'],
  ] as const)('%s is neutral with its own marker', (status, marker) => {
    const light = computeTrafficLight(stateIn(status), at('2025-12-01'));
    expect(light).toMatchObject({ color: 'neutral', marker, label: '—' });
    expect(light.reasons).toHaveLength(1);
    expect(light.reasons[0]?.code).toBe(marker);
  });

  it('closed carries its completion date; reassigned names the new unit', () => {
    expect(computeTrafficLight(stateIn('closed'), at('2025-12-01')).reasons[0]).toEqual({
      code: 'closed',
      completedDate: '2025-06-20',
      text: '已办结（2025年6月20日）',
    });
    expect(computeTrafficLight(stateIn('reassigned'), at('2025-12-01')).reasons[0]?.text).toBe('已改派给市财政局');
  });

  it('red when overdue, with working and calendar days', () => {
    const light = computeTrafficLight(stateIn('in_progress', report('2025-07-01', 90)), at('2025-07-10'));
    expect(light).toEqual({
      color: 'red',
      label: '红灯',
      marker: null,
      reasons: [
        {
          code: 'overdue',
          dueDate: '2025-06-30',
          overdueCalendarDays: 10,
          overdueWorkingDays: 8,
          text: '已逾期8个工作日（办理期限2025年6月30日）',
        },
      ],
    });
  });

  it('turns red at 00:00 Shanghai after the due date, not before', () => {
    const state = stateIn('in_progress', report('2025-06-29', 95));
    expect(computeTrafficLight(state, at('2025-06-30', '23:59:59.999')).color).toBe('yellow'); // due today
    expect(computeTrafficLight(state, at('2025-07-01', '00:00')).color).toBe('red');
  });

  it('red also for a pending acceptance past due', () => {
    expect(computeTrafficLight(freshState(), at('2025-07-02')).color).toBe('red');
  });

  it('a closure requested in time is green while awaiting verification', () => {
    const light = computeTrafficLight(stateIn('closure_requested'), at('2025-07-20'));
    expect(light).toMatchObject({ color: 'green', reasons: [{ code: 'awaiting_verification', requestedDate: '2025-06-20' }] });
  });

  it('a closure requested late stays red, counted up to the request date', () => {
    const late = stateIn('closure_requested', {
      closureRequest: { at: at('2025-07-03'), date: '2025-07-03', summary: '完成', evidenceLinks: [] },
    });
    const light = computeTrafficLight(late, at('2025-07-20'));
    expect(light.color).toBe('red');
    expect(light.reasons[0]).toMatchObject({ code: 'overdue', overdueWorkingDays: 3, overdueCalendarDays: 3 });
    expect(light.reasons[0]?.text).toContain('逾期后才申请办结');
  });

  it('yellow when due within 5 working days (default), counting working days', () => {
    // (06-23, 06-30] = 24, 25, 26, 27, 30 → 5 working days left.
    const state = stateIn('in_progress', report('2025-06-20', 95));
    expect(computeTrafficLight(state, at('2025-06-23')).reasons).toEqual([
      { code: 'due_soon', dueDate: '2025-06-30', workingDaysLeft: 5, text: '距办理期限还有5个工作日（2025年6月30日）' },
    ]);
    expect(computeTrafficLight(state, at('2025-06-20')).color).toBe('green'); // 6 left
    expect(computeTrafficLight(state, at('2025-06-20'), { dueSoonWorkingDays: 6 }).color).toBe('yellow');
    expect(computeTrafficLight(state, at('2025-06-30')).reasons[0]?.text).toBe('今日到期（2025年6月30日）');
  });

  it('yellow when the progress report is missed (monthly by default)', () => {
    const state = stateIn('in_progress', report('2025-02-10', 30));
    expect(computeTrafficLight(state, at('2025-03-10')).color).toBe('green'); // due 03-10, on time
    const light = computeTrafficLight(state, at('2025-03-11'));
    expect(light.color).toBe('yellow');
    expect(light.reasons).toEqual([
      {
        code: 'report_missed',
        lastReportDate: '2025-02-10',
        reportDueDate: '2025-03-10',
        text: '未按每月要求反馈进展（应于2025年3月10日前反馈，上次反馈2025年2月10日）',
      },
    ]);
  });

  it('counts the report cadence from acceptance when nothing was reported', () => {
    const light = computeTrafficLight(stateIn('in_progress'), at('2025-02-04'));
    expect(light.reasons[0]).toMatchObject({ code: 'report_missed', lastReportDate: null, reportDueDate: '2025-02-03' });
    expect(light.reasons[0]?.text).toContain('尚无反馈');
  });

  it('honours weekly and quarterly cadences', () => {
    const state = stateIn('in_progress', report('2025-02-10', 70));
    expect(computeTrafficLight(state, at('2025-02-18'), { reportCadence: 'weekly' }).reasons[0]?.code).toBe('report_missed');
    expect(computeTrafficLight(state, at('2025-04-10'), { reportCadence: 'quarterly' }).color).toBe('green');
    expect(computeTrafficLight(state, at('2025-05-11'), { reportCadence: 'quarterly' }).color).toBe('yellow');
  });

  it('yellow when behind the 序时进度 beyond the tolerance', () => {
    // 2025-01-02 → 2025-06-30 is 179 days; on 03-10 (67 days) the expected share is 37.4%.
    const state = stateIn('in_progress', report('2025-03-09', 20));
    expect(computeTrafficLight(state, at('2025-03-10')).reasons).toEqual([
      { code: 'behind_pace', reportedPercent: 20, expectedPercent: 37.4, text: '进度20%，落后序时进度37.4%' },
    ]);
    expect(computeTrafficLight(state, at('2025-03-10'), { paceTolerancePercent: 20 }).color).toBe('green');
    expect(computeTrafficLight(stateIn('in_progress', report('2025-03-09', 28)), at('2025-03-10')).color).toBe('green');
  });

  it('does not judge pace without a reported percent', () => {
    expect(computeTrafficLight(stateIn('in_progress', report('2025-03-09', null)), at('2025-03-10')).color).toBe('green');
  });

  it('yellow when not accepted within the acceptance window', () => {
    // (01-02, 01-07] = 3, 6, 7 → 3 working days: still fine; on 01-08 it is 4.
    expect(computeTrafficLight(freshState(), at('2025-01-07')).color).toBe('green');
    const light = computeTrafficLight(freshState(), at('2025-01-08'));
    expect(light.reasons).toEqual([
      { code: 'not_accepted', startDate: '2025-01-02', workingDaysWaiting: 4, text: '下发4个工作日仍未签收（时限3个工作日）' },
    ]);
    expect(computeTrafficLight(freshState(), at('2025-01-08'), { acceptanceWorkingDays: 5 }).color).toBe('green');
  });

  it('lists every yellow reason that applies', () => {
    const state = stateIn('in_progress', report('2025-05-01', 10));
    const codes = computeTrafficLight(state, at('2025-06-25')).reasons.map((reason) => reason.code);
    expect(codes).toEqual(['due_soon', 'report_missed', 'behind_pace']);
  });

  it('green with no reasons when all is well', () => {
    expect(computeTrafficLight(stateIn('in_progress', report('2025-03-01', 40)), at('2025-03-10'))).toEqual({
      color: 'green',
      label: '绿灯',
      marker: null,
      reasons: [],
    });
  });
});

describe('an interim milestone already past at issue', () => {
  const issued = (overrides = {}) =>
    freshState({
      startDate: '2025-04-01',
      pastMilestones: [{ due: '2025-03-31', text: '2025年一季度末前制定实施细则' }],
      ...overrides,
    });

  it('turns the light yellow with its reason until the unit reports progress', () => {
    const light = computeTrafficLight(issued(), at('2025-04-01'));
    expect(light.color).toBe('yellow');
    expect(light.reasons).toEqual([
      {
        code: 'milestone_passed',
        milestoneDate: '2025-03-31',
        startDate: '2025-04-01',
        text: '阶段目标“2025年一季度末前制定实施细则”的时限2025年3月31日在下达任务（2025年4月1日）时已过，请反馈完成情况',
      },
    ]);
    expect(computeTrafficLight(issued({ status: 'in_progress', acceptedAt: at('2025-04-02'), ...report('2025-04-03', 30) }), at('2025-04-07')).reasons.map((reason) => reason.code)).not.toContain('milestone_passed');
  });
});
