import { endOfShanghaiDay, type BusinessDate } from '@duban/calendar';
import { isOverdue } from '../assignment/assignment-state';
import { DEFAULT_ESCALATION_LADDER, type EscalationLadder } from '../escalation/escalation-ladder';
import { computeTrafficLight, type LightColor, type TrafficLightSettings } from '../light/traffic-light';
import { reachedBulletinLevel, type BulletinAssignment } from './bulletin';
import { classifyPace, isLaggingPace, type PaceClass, type PaceThresholds } from './pace';
import { overdueWorkingDaysAt } from './scoring';
import type { TargetProgress } from '../targets/target-actuals';

/** How one assignment stands at a bulletin's cut-off: what the snapshot row freezes. */
export interface AssignmentStanding {
  readonly light: LightColor;
  readonly pace: PaceClass | null;
  readonly expectedPercent: number;
  readonly progressPercent: number | null;
  readonly overdue: boolean;
  readonly overdueWorkingDays: number;
  /** Reached the ladder's 通报 level: a 通报 candidate. */
  readonly candidate: boolean;
  /** Named in 三、进展滞后的事项: behind pace, not started late, or overdue. */
  readonly lagging: boolean;
}

export interface StandingSettings {
  readonly ladder?: EscalationLadder;
  readonly light?: Partial<TrafficLightSettings>;
  readonly pace?: Partial<PaceThresholds>;
}

export type StandingInput = BulletinAssignment & {
  readonly actual?: number | null;
  readonly target?: number | null;
  /** Numeric targets with their latest actuals: pace is judged from them when the year judged has actuals. */
  readonly targets?: readonly TargetProgress[] | null;
};

/** The standing of one assignment at the end of `asOf` (23:59:59.999 Shanghai). */
export function assignmentStanding(assignment: StandingInput, asOf: BusinessDate, settings: StandingSettings = {}): AssignmentStanding {
  const instant = endOfShanghaiDay(asOf);
  const light = computeTrafficLight(assignment, instant, settings.light).color;
  const paced = classifyPace(
    {
      status: assignment.status,
      startDate: assignment.startDate,
      dueDate: assignment.dueDate,
      asOf,
      reportedPercent: assignment.lastReport?.percent ?? null,
      actual: assignment.actual ?? assignment.lastReport?.actualValue ?? null,
      target: assignment.target ?? null,
      targets: assignment.targets ?? null,
    },
    settings.pace,
  );
  const overdue = isOverdue(assignment, instant);
  const candidate = overdue && reachedBulletinLevel(assignment, instant, settings.ladder ?? DEFAULT_ESCALATION_LADDER);
  return {
    light,
    pace: paced?.pace ?? null,
    expectedPercent: paced?.expectedPercent ?? 0,
    progressPercent: paced?.progressPercent ?? null,
    overdue,
    overdueWorkingDays: overdue ? overdueWorkingDaysAt(assignment, asOf) : 0,
    candidate,
    lagging: overdue || (paced !== null && isLaggingPace(paced, settings.pace)),
  };
}
