import {
  calendarDaysBetween,
  compareBusinessDates,
  shanghaiDateOf,
  workingDaysBetween,
  type BusinessDate,
} from '@duban/calendar';
import { isOverdue, type AssignmentState } from '../assignment/assignment-state';
import { chineseDate } from '../text/chinese-date';
import { assessPace, DEFAULT_PACE_TOLERANCE_PERCENT, type PaceBasis } from '../review/pace';
import { DEFAULT_REPORT_CADENCE, nextReportDueDate, REPORT_CADENCE_LABELS, type ReportCadence } from '../escalation/report-cadence';

/** red / yellow / green for open assignments; `neutral` (with a marker) for ones no longer owed. */
export type LightColor = 'green' | 'yellow' | 'red' | 'neutral';

/** Every light, in the order screens list them. */
export const LIGHT_COLORS: readonly LightColor[] = ['green', 'yellow', 'red', 'neutral'];

export const LIGHT_LABELS: Readonly<Record<LightColor, string>> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  neutral: '—',
};

export type NeutralMarker = 'closed' | 'withdrawn' | 'reassigned' | 'declined';

export type LightReason =
  | {
      readonly code: 'overdue';
      readonly dueDate: BusinessDate;
      readonly overdueCalendarDays: number;
      readonly overdueWorkingDays: number;
      readonly text: string;
    }
  | { readonly code: 'due_soon'; readonly dueDate: BusinessDate; readonly workingDaysLeft: number; readonly text: string }
  | {
      readonly code: 'report_missed';
      readonly lastReportDate: BusinessDate | null;
      readonly reportDueDate: BusinessDate;
      readonly text: string;
    }
  | {
      readonly code: 'behind_pace';
      readonly reportedPercent: number;
      readonly expectedPercent: number;
      readonly text: string;
    }
  | { readonly code: 'not_accepted'; readonly startDate: BusinessDate; readonly workingDaysWaiting: number; readonly text: string }
  | { readonly code: 'milestone_passed'; readonly milestoneDate: BusinessDate; readonly startDate: BusinessDate; readonly text: string }
  | { readonly code: 'awaiting_verification'; readonly requestedDate: BusinessDate; readonly text: string }
  | { readonly code: 'closed'; readonly completedDate: BusinessDate | null; readonly text: string }
  | { readonly code: 'withdrawn' | 'reassigned' | 'declined'; readonly text: string };

export type LightReasonCode = LightReason['code'];

export interface TrafficLight {
  readonly color: LightColor;
  readonly label: string;
  readonly marker: NeutralMarker | null;
  /** Every reason that applies, most severe first; empty for a plain green. */
  readonly reasons: readonly LightReason[];
}

export interface TrafficLightSettings {
  /** Yellow when the due date is this many working days away or fewer. */
  readonly dueSoonWorkingDays: number;
  readonly reportCadence: ReportCadence;
  /** Percentage points a unit may lag the 序时进度 before turning yellow. */
  readonly paceTolerancePercent: number;
  readonly paceBasis: PaceBasis;
  /** Yellow when not accepted after this many working days. */
  readonly acceptanceWorkingDays: number;
}

export const DEFAULT_TRAFFIC_LIGHT_SETTINGS: TrafficLightSettings = {
  dueSoonWorkingDays: 5,
  reportCadence: DEFAULT_REPORT_CADENCE,
  paceTolerancePercent: DEFAULT_PACE_TOLERANCE_PERCENT,
  paceBasis: 'calendar',
  acceptanceWorkingDays: 3,
};

export type LightInput = Pick<
  AssignmentState,
  | 'status'
  | 'startDate'
  | 'dueDate'
  | 'dueAt'
  | 'acceptedAt'
  | 'lastReport'
  | 'closureRequest'
  | 'completedDate'
  | 'reassignedTo'
  | 'pastMilestones'
>;

function light(color: LightColor, reasons: readonly LightReason[], marker: NeutralMarker | null = null): TrafficLight {
  return { color, label: LIGHT_LABELS[color], marker, reasons };
}

/**
 * The light of one assignment at instant `now`, with the reasons that produced it:
 * red = overdue; yellow = due within N working days, an interim milestone already past at issue (until the first
 * progress report), report missed, behind pace, or not accepted in time;
 * green otherwise. Closed / withdrawn / reassigned / declined are neutral with a marker.
 */
export function computeTrafficLight(
  state: LightInput,
  now: number,
  settings: Partial<TrafficLightSettings> = {},
): TrafficLight {
  const config: TrafficLightSettings = { ...DEFAULT_TRAFFIC_LIGHT_SETTINGS, ...settings };
  const today = shanghaiDateOf(now);

  switch (state.status) {
    case 'closed':
      return light(
        'neutral',
        [{ code: 'closed', completedDate: state.completedDate, text: `已办结（${state.completedDate ? chineseDate(state.completedDate) : '日期未知'}）` }],
        'closed',
      );
    case 'withdrawn':
      return light('neutral', [{ code: 'withdrawn', text: '任务已撤销' }], 'withdrawn');
    case 'reassigned':
      return light('neutral', [{ code: 'reassigned', text: `已改派给${state.reassignedTo ?? '其他单位'}` }], 'reassigned');
    case 'declined':
      return light('neutral', [{ code: 'declined', text: '单位已退办，待协调改派' }], 'declined');
    default:
      break;
  }

  if (isOverdue(state, now)) {
    const reference = state.status === 'closure_requested' && state.closureRequest ? state.closureRequest.date : today;
    const overdueCalendarDays = Math.max(0, calendarDaysBetween(state.dueDate, reference));
    const overdueWorkingDays = Math.max(0, workingDaysBetween(state.dueDate, reference));
    const late = state.status === 'closure_requested' ? '（逾期后才申请办结）' : '';
    return light('red', [
      {
        code: 'overdue',
        dueDate: state.dueDate,
        overdueCalendarDays,
        overdueWorkingDays,
        text: `已逾期${overdueWorkingDays}个工作日（办理期限${chineseDate(state.dueDate)}）${late}`,
      },
    ]);
  }

  if (state.status === 'closure_requested') {
    const requestedDate = state.closureRequest?.date ?? today;
    return light('green', [{ code: 'awaiting_verification', requestedDate, text: `已于${chineseDate(requestedDate)}申请办结，待审核` }]);
  }

  const reasons: LightReason[] = [];
  const workingDaysLeft = workingDaysBetween(today, state.dueDate);
  if (compareBusinessDates(today, state.dueDate) <= 0 && workingDaysLeft <= config.dueSoonWorkingDays) {
    reasons.push({
      code: 'due_soon',
      dueDate: state.dueDate,
      workingDaysLeft,
      text: workingDaysLeft === 0 ? `今日到期（${chineseDate(state.dueDate)}）` : `距办理期限还有${workingDaysLeft}个工作日（${chineseDate(state.dueDate)}）`,
    });
  }

  // An interim milestone already past when the task was issued: shown until the unit reports how it stands.
  if (state.lastReport === null) {
    for (const milestone of state.pastMilestones ?? []) {
      reasons.push({
        code: 'milestone_passed',
        milestoneDate: milestone.due,
        startDate: state.startDate,
        text: `阶段目标“${milestone.text}”的时限${chineseDate(milestone.due)}在下达任务（${chineseDate(state.startDate)}）时已过，请反馈完成情况`,
      });
    }
  }

  if (state.status === 'pending_acceptance') {
    const workingDaysWaiting = workingDaysBetween(state.startDate, today);
    if (workingDaysWaiting > config.acceptanceWorkingDays) {
      reasons.push({
        code: 'not_accepted',
        startDate: state.startDate,
        workingDaysWaiting,
        text: `下发${workingDaysWaiting}个工作日仍未签收（时限${config.acceptanceWorkingDays}个工作日）`,
      });
    }
  } else {
    const lastReportDate = state.lastReport ? shanghaiDateOf(state.lastReport.at) : null;
    const anchor = lastReportDate ?? (state.acceptedAt !== null ? shanghaiDateOf(state.acceptedAt) : state.startDate);
    const reportDueDate = nextReportDueDate(anchor, config.reportCadence);
    if (compareBusinessDates(today, reportDueDate) > 0) {
      reasons.push({
        code: 'report_missed',
        lastReportDate,
        reportDueDate,
        text: `未按${REPORT_CADENCE_LABELS[config.reportCadence]}要求反馈进展（应于${chineseDate(reportDueDate)}前反馈${
          lastReportDate ? `，上次反馈${chineseDate(lastReportDate)}` : '，尚无反馈'
        }）`,
      });
    }
    const reportedPercent = state.lastReport?.percent ?? null;
    if (reportedPercent !== null) {
      const pace = assessPace({
        startDate: state.startDate,
        dueDate: state.dueDate,
        asOf: today,
        reportedPercent,
        tolerancePercent: config.paceTolerancePercent,
        basis: config.paceBasis,
      });
      if (pace.behind) {
        reasons.push({
          code: 'behind_pace',
          reportedPercent,
          expectedPercent: pace.expectedPercent,
          text: `进度${reportedPercent}%，落后序时进度${pace.expectedPercent}%`,
        });
      }
    }
  }

  return light(reasons.length > 0 ? 'yellow' : 'green', reasons);
}
