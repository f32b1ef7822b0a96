import { endOfShanghaiDay, type BusinessDate, type Period } from '@duban/calendar';
import { isOverdue, type AssignmentState } from '../assignment/assignment-state';
import { DEFAULT_ESCALATION_LADDER, dueEscalations, type EscalationLadder } from '../escalation/escalation-ladder';
import { escalationRank } from '../escalation/escalation-levels';
import { overdueWorkingDaysAt } from './scoring';
import { computeTrafficLight, type LightColor, type LightInput, type TrafficLightSettings } from '../light/traffic-light';

export interface BulletinEntry {
  readonly assignmentKey: string;
  readonly unitId: string;
  readonly dueDate: BusinessDate;
  readonly overdueWorkingDays: number;
}

export interface UnitLightCounts {
  readonly unitId: string;
  readonly total: number;
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  readonly neutral: number;
  readonly overdue: number;
  readonly bulletinCandidates: number;
}

/** 半年通报: what a bulletin lists as of its date. */
export interface Bulletin {
  readonly period: Period;
  readonly asOf: BusinessDate;
  /** Every assignment overdue at the end of `asOf`, most overdue first. */
  readonly overdue: readonly BulletinEntry[];
  /** Overdue assignments that reached the 通报 level (or beyond) of the ladder — to be named. */
  readonly bulletinCandidates: readonly BulletinEntry[];
  /** Per unit, in unit id order. */
  readonly perUnit: readonly UnitLightCounts[];
}

/** What a bulletin needs of an assignment: what its light needs, plus who and how far up the ladder. */
export type BulletinAssignment = LightInput & Pick<AssignmentState, 'key' | 'unitId' | 'reachedLevels'>;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Whether an assignment has reached the ladder's 通报 level (or beyond) at `instant`: in its recorded
 * `reachedLevels`, or by the ladder's schedule (so a bulletin is right even if a timer is late).
 */
export function reachedBulletinLevel(
  assignment: Pick<BulletinAssignment, 'reachedLevels'> & Parameters<typeof dueEscalations>[1],
  instant: number,
  ladder: EscalationLadder = DEFAULT_ESCALATION_LADDER,
): boolean {
  const bulletinRank = escalationRank('bulletin');
  if (assignment.reachedLevels.some((level) => escalationRank(level) >= bulletinRank)) return true;
  return dueEscalations(ladder, assignment, instant, []).some((scheduled) => escalationRank(scheduled.level) >= bulletinRank);
}

/**
 * Builds the bulletin for `period` as of `asOf` (default: the period's last day), judging each
 * assignment at the end of that day (23:59:59.999 Shanghai). A candidate has reached 通报 either in its
 * recorded `reachedLevels` or by the ladder's schedule (so a bulletin is right even if a timer is late).
 */
export function buildBulletin(input: {
  readonly period: Period;
  readonly assignments: readonly BulletinAssignment[];
  readonly asOf?: BusinessDate;
  readonly ladder?: EscalationLadder;
  readonly lightSettings?: Partial<TrafficLightSettings>;
}): Bulletin {
  const asOf = input.asOf ?? input.period.end;
  const instant = endOfShanghaiDay(asOf);
  const ladder = input.ladder ?? DEFAULT_ESCALATION_LADDER;
  const overdue: BulletinEntry[] = [];
  const candidates: BulletinEntry[] = [];
  const perUnit = new Map<string, { red: number; yellow: number; green: number; neutral: number; overdue: number; candidates: number; total: number }>();

  for (const assignment of input.assignments) {
    const counts =
      perUnit.get(assignment.unitId) ?? { red: 0, yellow: 0, green: 0, neutral: 0, overdue: 0, candidates: 0, total: 0 };
    perUnit.set(assignment.unitId, counts);
    counts.total++;
    const color: LightColor = computeTrafficLight(assignment, instant, input.lightSettings).color;
    counts[color]++;
    if (!isOverdue(assignment, instant)) continue;
    const entry: BulletinEntry = {
      assignmentKey: assignment.key,
      unitId: assignment.unitId,
      dueDate: assignment.dueDate,
      overdueWorkingDays: overdueWorkingDaysAt(assignment, asOf),
    };
    overdue.push(entry);
    counts.overdue++;
    if (reachedBulletinLevel(assignment, instant, ladder)) {
      candidates.push(entry);
      counts.candidates++;
    }
  }

  const byMostOverdue = (a: BulletinEntry, b: BulletinEntry) =>
    b.overdueWorkingDays - a.overdueWorkingDays || compareText(a.unitId, b.unitId) || compareText(a.assignmentKey, b.assignmentKey);

  return {
    period: input.period,
    asOf,
    overdue: overdue.sort(byMostOverdue),
    bulletinCandidates: candidates.sort(byMostOverdue),
    perUnit: [...perUnit.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([unitId, counts]) => ({
        unitId,
        total: counts.total,
        red: counts.red,
        yellow: counts.yellow,
        green: counts.green,
        neutral: counts.neutral,
        overdue: counts.overdue,
        bulletinCandidates: counts.candidates,
      })),
  };
}
