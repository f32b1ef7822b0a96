import { ScheduleOverlapPolicy, type Month, type ScheduleOptions } from '@temporalio/client';
import { addCalendarDays } from '@duban/calendar';
import { periodCutOff, REVIEW_TIME_ZONE, type ReviewPeriod } from '@duban/domain';
import type { AssessmentInput, BulletinInput } from '@duban/workflows';

const MONTHS: readonly Month[] = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];

export function reviewScheduleId(planId: string, period: ReviewPeriod): string {
  return `review:${planId}:${period.kind}:${String(period.month).padStart(2, '0')}-${String(period.day).padStart(2, '0')}`;
}

/**
 * The Temporal Schedule of one review period of a plan: fires at 00:30 Asia/Shanghai on the day after the
 * cut-off (the bulletin's cut-off is the day before its start), skips overlaps and catches up within the
 * plan's window after an outage.
 */
export function reviewScheduleOptions(input: { planId: string; period: ReviewPeriod; catchupWindowDays: number; taskQueue: string }): ScheduleOptions {
  // A non-leap year is used only to find the day after month/day (02-29 runs on 03-01 either way).
  const next = addCalendarDays(periodCutOff(input.period, 2027), 1);
  const [, month, day] = next.split('-').map(Number) as [number, number, number];
  const at = `${input.period.month}-${input.period.day}`;
  // 半年通报 → the bulletin workflow; 年度考核 → the assessment workflow (its year is the cut-off's year).
  const action =
    input.period.kind === 'annual'
      ? { workflowType: 'assessmentWorkflow', args: [{ planId: input.planId }] as [AssessmentInput], workflowId: `assessment-scheduled:${input.planId}:${at}`, comment: `截至${input.period.month}月${input.period.day}日的年度考核` }
      : { workflowType: 'bulletinWorkflow', args: [{ planId: input.planId, kind: 'half_year' }] as [BulletinInput], workflowId: `bulletin-scheduled:${input.planId}:${at}`, comment: `截至${input.period.month}月${input.period.day}日的半年通报` };
  return {
    scheduleId: reviewScheduleId(input.planId, input.period),
    spec: { calendars: [{ month: MONTHS[month - 1]!, dayOfMonth: day, hour: 0, minute: 30, comment: action.comment }], timezone: REVIEW_TIME_ZONE },
    action: { type: 'startWorkflow', workflowType: action.workflowType, taskQueue: input.taskQueue, args: action.args, workflowId: action.workflowId },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: `${Math.max(1, input.catchupWindowDays)} days` },
  };
}
