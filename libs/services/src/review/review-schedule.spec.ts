import { reviewScheduleId, reviewScheduleOptions } from './review-schedule-options';

describe('reviewScheduleOptions', () => {
  const planId = '11111111-2222-4333-8444-555555555555';

  it('the annual period starts the assessment workflow at 00:30 Shanghai the day after the cut-off', () => {
    const options = reviewScheduleOptions({ planId, period: { kind: 'annual', month: 12, day: 31 }, catchupWindowDays: 7, taskQueue: 'duban' });
    expect(options.scheduleId).toBe(reviewScheduleId(planId, { kind: 'annual', month: 12, day: 31 }));
    expect(options.scheduleId).toBe(`review:${planId}:annual:12-31`);
    expect(options.action).toMatchObject({ type: 'startWorkflow', workflowType: 'assessmentWorkflow', args: [{ planId }], workflowId: `assessment-scheduled:${planId}:12-31` });
    expect(options.spec).toMatchObject({ calendars: [{ month: 'JANUARY', dayOfMonth: 1, hour: 0, minute: 30, comment: '截至12月31日的年度考核' }], timezone: 'Asia/Shanghai' });
  });

  it('half-year periods start the bulletin workflow', () => {
    const options = reviewScheduleOptions({ planId, period: { kind: 'half_year', month: 6, day: 30 }, catchupWindowDays: 3, taskQueue: 'duban' });
    expect(options.action).toMatchObject({ workflowType: 'bulletinWorkflow', args: [{ planId, kind: 'half_year' }], workflowId: `bulletin-scheduled:${planId}:6-30` });
    expect(options.spec).toMatchObject({ calendars: [{ month: 'JULY', dayOfMonth: 1 }] });
    expect(options.policies).toMatchObject({ catchupWindow: '3 days' });
  });
});
