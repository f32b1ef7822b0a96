import {
  addWorkingDaysDetailed,
  shanghaiDateOf,
  shanghaiInstant,
  START_OF_BUSINESS_DAY,
  workdayOnOrAfter,
  type BusinessDate,
  type ClockTime,
} from '@duban/calendar';
import {
  ESCALATION_LEVEL_LABELS,
  escalationRank,
  highestLevel,
  isEscalationLevel,
  type EscalationLevel,
} from './escalation-levels';

/** Who hears about an escalation. `bulletin` = listed as a candidate for the next 通报. */
export const ESCALATION_AUDIENCES = ['unit', 'supervisors', 'coordinator', 'bulletin'] as const;

export type EscalationAudience = (typeof ESCALATION_AUDIENCES)[number];

/**
 * One rung. The offset counts from the deadline, in exactly one unit:
 * - afterWorkingDays: working days after the first working day past the due date (0 = that day);
 * - afterMs: milliseconds after `dueAt` (test-speed ladders: integration tests run in seconds).
 */
export interface LadderStep {
  readonly level: EscalationLevel;
  readonly afterWorkingDays?: number;
  readonly afterMs?: number;
  readonly audiences: readonly EscalationAudience[];
}

export interface EscalationLadder {
  readonly steps: readonly LadderStep[];
  /** Local time working-day steps fire at (default 09:00 Asia/Shanghai). */
  readonly notifyAt?: ClockTime;
}

/** Overdue day 0 催办 → +5 working days 督办 → +10 通报 candidate → +20 约谈 proposed. */
export const DEFAULT_ESCALATION_LADDER: EscalationLadder = {
  steps: [
    { level: 'urge', afterWorkingDays: 0, audiences: ['unit'] },
    { level: 'supervise', afterWorkingDays: 5, audiences: ['unit', 'supervisors'] },
    { level: 'bulletin', afterWorkingDays: 10, audiences: ['unit', 'supervisors', 'bulletin'] },
    { level: 'talk', afterWorkingDays: 20, audiences: ['coordinator'] },
  ],
};

export type LadderValidation = { readonly ok: true } | { readonly ok: false; readonly errors: readonly string[] };

function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/**
 * A ladder is valid when: it has at least one step; each step has a known level, known non-empty
 * audiences, and exactly one non-negative integer offset; all steps use the same offset unit; levels
 * strictly ascend in severity; offsets never decrease.
 */
export function validateLadder(ladder: EscalationLadder): LadderValidation {
  const errors: string[] = [];
  // Ladders arrive as per-plan data (JSON), so check the shape before trusting the types.
  const steps: readonly LadderStep[] = Array.isArray(ladder.steps as unknown) ? ladder.steps : [];
  if (steps.length === 0) {
    return { ok: false, errors: ['升级规则至少需要一级'] };
  }
  let previous: LadderStep | null = null;
  const units = new Set<string>();
  for (const [index, step] of steps.entries()) {
    const where = `第${index + 1}级`;
    if (!isEscalationLevel(step.level)) {
      errors.push(`${where}：未知级别 ${String(step.level)}`);
      continue;
    }
    const hasDays = step.afterWorkingDays !== undefined;
    const hasMs = step.afterMs !== undefined;
    if (hasDays === hasMs) errors.push(`${where}（${ESCALATION_LEVEL_LABELS[step.level]}）：须且只能设置 afterWorkingDays 或 afterMs 之一`);
    if (hasDays && !isNonNegativeInteger(step.afterWorkingDays)) errors.push(`${where}：afterWorkingDays 须为非负整数`);
    if (hasMs && !isNonNegativeInteger(step.afterMs)) errors.push(`${where}：afterMs 须为非负整数`);
    if (hasDays) units.add('days');
    if (hasMs) units.add('ms');
    if (!Array.isArray(step.audiences as unknown) || step.audiences.length === 0) {
      errors.push(`${where}：须指定通知对象`);
    } else {
      for (const audience of step.audiences) {
        if (!(ESCALATION_AUDIENCES as readonly string[]).includes(audience)) errors.push(`${where}：未知通知对象 ${String(audience)}`);
      }
    }
    if (previous !== null) {
      if (escalationRank(step.level) <= escalationRank(previous.level)) {
        errors.push(`${where}：级别须逐级升高（${ESCALATION_LEVEL_LABELS[previous.level]} 之后不能是 ${ESCALATION_LEVEL_LABELS[step.level]}）`);
      }
      const offset = step.afterWorkingDays ?? step.afterMs;
      const previousOffset = previous.afterWorkingDays ?? previous.afterMs;
      if (offset !== undefined && previousOffset !== undefined && offset < previousOffset) {
        errors.push(`${where}：时限不能早于上一级`);
      }
    }
    previous = step;
  }
  if (units.size > 1) errors.push('各级须使用同一种时限单位（工作日或毫秒）');
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** The deadline an assignment is measured against (AssignmentState has both fields). */
export interface DueMoment {
  readonly dueDate: BusinessDate;
  /** Instant from which the assignment is overdue. */
  readonly dueAt: number;
}

export interface ScheduledEscalation {
  readonly level: EscalationLevel;
  readonly audiences: readonly EscalationAudience[];
  /** Shanghai business date the step fires on. */
  readonly date: BusinessDate;
  /** Epoch ms the step fires at: sleep until this instant. */
  readonly at: number;
  /** True when the working-day arithmetic touched a year without official holiday data. */
  readonly provisional: boolean;
}

/** When one step fires for the given deadline. */
export function escalationTime(step: LadderStep, due: DueMoment, notifyAt: ClockTime = START_OF_BUSINESS_DAY): ScheduledEscalation {
  if (step.afterMs !== undefined) {
    const at = due.dueAt + step.afterMs;
    return { level: step.level, audiences: step.audiences, date: shanghaiDateOf(at), at, provisional: false };
  }
  // Day 0 is the first working day on which the assignment is overdue.
  const firstOverdueWorkday = workdayOnOrAfter(shanghaiDateOf(due.dueAt));
  const { date, provisional } = addWorkingDaysDetailed(firstOverdueWorkday, step.afterWorkingDays ?? 0);
  const at = Math.max(shanghaiInstant(date, notifyAt), due.dueAt);
  return { level: step.level, audiences: step.audiences, date, at, provisional };
}

/** What the ladder needs to place an assignment that may have been issued after its deadline. */
export interface LadderSubject extends DueMoment {
  /** The business date the assignment was issued (published). */
  readonly startDate: BusinessDate;
}

/**
 * The deadline the ladder climbs from. An assignment issued after its deadline (a plan published late)
 * enters the ladder at its first step on the day it is issued and climbs on the normal cadence from
 * there: it is never stamped with every level at once for time that passed before anyone owed it.
 * Otherwise the deadline itself.
 */
export function ladderEntry(subject: LadderSubject): DueMoment {
  const issuedFrom = shanghaiInstant(subject.startDate);
  return subject.dueAt >= issuedFrom ? { dueDate: subject.dueDate, dueAt: subject.dueAt } : { dueDate: subject.dueDate, dueAt: issuedFrom };
}

/** True when the assignment was already overdue on the day it was issued. */
export function issuedOverdue(subject: LadderSubject): boolean {
  return subject.dueAt < shanghaiInstant(subject.startDate);
}

/** The ladder's full schedule for a deadline, in ladder order. */
export function escalationSchedule(ladder: EscalationLadder, due: DueMoment): ScheduledEscalation[] {
  return ladder.steps.map((step) => escalationTime(step, due, ladder.notifyAt));
}

function isAboveReached(level: EscalationLevel, alreadyReached: readonly EscalationLevel[]): boolean {
  const highest = highestLevel(alreadyReached);
  return highest === null || escalationRank(level) > escalationRank(highest);
}

/**
 * Levels whose time has come (at ≤ now) and that are above every level already reached, lowest first.
 * After a long sleep several may be due at once; the workflow applies them in order.
 */
export function dueEscalations(
  ladder: EscalationLadder,
  due: DueMoment,
  now: number,
  alreadyReached: readonly EscalationLevel[],
): ScheduledEscalation[] {
  return escalationSchedule(ladder, due).filter(
    (scheduled) => scheduled.at <= now && isAboveReached(scheduled.level, alreadyReached),
  );
}

/** The next level to reach (above every level already reached) and when; null at the top of the ladder. */
export function nextEscalationAt(
  ladder: EscalationLadder,
  due: DueMoment,
  alreadyReached: readonly EscalationLevel[],
): ScheduledEscalation | null {
  return escalationSchedule(ladder, due).find((scheduled) => isAboveReached(scheduled.level, alreadyReached)) ?? null;
}
