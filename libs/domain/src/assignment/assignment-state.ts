import { instantAfterDay, isValidBusinessDate, type BusinessDate } from '@duban/calendar';
import { OWED_STATUSES, type AssignmentStatus } from './assignment-status';
import type { EscalationLevel } from '../escalation/escalation-levels';

export type Responsibility = 'lead' | 'support';

export const RESPONSIBILITY_LABELS: Readonly<Record<Responsibility, string>> = {
  lead: '牵头',
  support: '配合',
};

/** An extension (延期) request waiting for the coordinator; it rides alongside in_progress. */
export interface PendingExtension {
  readonly requestedAt: number;
  readonly requestedDueDate: BusinessDate;
  readonly reason: string;
}

export interface LastProgressReport {
  readonly at: number;
  readonly percent: number | null;
  readonly actualValue: number | null;
}

export interface ClosureRequest {
  readonly at: number;
  /** Shanghai business date of the request: when the unit says the work was done. */
  readonly date: BusinessDate;
  readonly summary: string;
  readonly evidenceLinks: readonly string[];
}

/**
 * Everything the rules need to know about one assignment. Plain data, so a workflow can hold it,
 * pass it through continueAsNew, and return it from a query. Instants are epoch ms (UTC).
 */
export interface AssignmentState {
  readonly key: string;
  readonly unitId: string;
  readonly responsibility: Responsibility;
  readonly status: AssignmentStatus;
  /** When the assignment was issued; the start of the pace (序时进度) period. */
  readonly startDate: BusinessDate;
  readonly originalDueDate: BusinessDate;
  /** The current due date (after approved extensions). */
  readonly dueDate: BusinessDate;
  /**
   * The instant from which the assignment is overdue. Normally 00:00 Asia/Shanghai the day after
   * `dueDate`; test-speed workflows may set an earlier instant (durations given in milliseconds).
   */
  readonly dueAt: number;
  readonly acceptedAt: number | null;
  readonly lastReport: LastProgressReport | null;
  readonly reportCount: number;
  /** The closure request being verified, or the approved one once closed. */
  readonly closureRequest: ClosureRequest | null;
  /** 退回: how many closure requests were rejected. */
  readonly closureRejectionCount: number;
  readonly closedAt: number | null;
  /** Business date of the approved closure request (the unit's completion date), used for lateness. */
  readonly completedDate: BusinessDate | null;
  readonly extensionRequest: PendingExtension | null;
  readonly extensionsApproved: number;
  readonly extensionsDenied: number;
  readonly declineReason: string | null;
  readonly reassignedTo: string | null;
  readonly withdrawReason: string | null;
  /** Ladder levels reached since the current due date (reset when an extension is approved). */
  readonly reachedLevels: readonly EscalationLevel[];
  /** Manual 催办 / 督办 by supervisors. */
  readonly urgeCount: number;
  readonly superviseCount: number;
  /** 通报: times the assignment was listed for a bulletin (ladder level reached). */
  readonly bulletinCount: number;
  /** 约谈 actually held (triggered by a coordinator). */
  readonly talkCount: number;
  /** The ladder proposed a 约谈 to the coordinator. */
  readonly talkProposed: boolean;
  /**
   * Interim milestones whose date had already passed when the assignment was issued (a plan published late):
   * the light shows them until the unit reports progress. Absent on assignments issued before this rule.
   */
  readonly pastMilestones?: readonly MilestoneAtIssue[];
}

/** A dated milestone (阶段目标) of the task, as the plan states it. */
export interface MilestoneAtIssue {
  readonly due: BusinessDate;
  readonly text: string;
}

export interface NewAssignmentInput {
  readonly key: string;
  readonly unitId: string;
  readonly startDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly responsibility?: Responsibility;
  /** Override for test-speed workflows; defaults to the day after `dueDate`, 00:00 Shanghai. */
  readonly dueAt?: number;
  /** The task's dated milestones; those already past at `startDate` (and before `dueDate`) are kept. */
  readonly milestones?: readonly MilestoneAtIssue[];
}

/** The interim milestones (before the final due date) already past on the issue date. */
export function milestonesPastAtIssue(milestones: readonly MilestoneAtIssue[], startDate: BusinessDate, dueDate: BusinessDate): MilestoneAtIssue[] {
  return milestones
    .filter((milestone) => isValidBusinessDate(milestone.due) && milestone.due < startDate && milestone.due < dueDate)
    .map(({ due, text }) => ({ due, text }));
}

/** The instant a deadline on `dueDate` is missed: 00:00 Asia/Shanghai the next day. */
export function defaultDueAt(dueDate: BusinessDate): number {
  return instantAfterDay(dueDate);
}

export function createAssignmentState(input: NewAssignmentInput): AssignmentState {
  if (!isValidBusinessDate(input.startDate)) throw new RangeError(`Invalid startDate '${input.startDate}'`);
  if (!isValidBusinessDate(input.dueDate)) throw new RangeError(`Invalid dueDate '${input.dueDate}'`);
  return {
    key: input.key,
    unitId: input.unitId,
    responsibility: input.responsibility ?? 'lead',
    status: 'pending_acceptance',
    startDate: input.startDate,
    originalDueDate: input.dueDate,
    dueDate: input.dueDate,
    dueAt: input.dueAt ?? defaultDueAt(input.dueDate),
    acceptedAt: null,
    lastReport: null,
    reportCount: 0,
    closureRequest: null,
    closureRejectionCount: 0,
    closedAt: null,
    completedDate: null,
    extensionRequest: null,
    extensionsApproved: 0,
    extensionsDenied: 0,
    declineReason: null,
    reassignedTo: null,
    withdrawReason: null,
    reachedLevels: [],
    urgeCount: 0,
    superviseCount: 0,
    bulletinCount: 0,
    talkCount: 0,
    talkProposed: false,
    ...withPastMilestones(input),
  };
}

function withPastMilestones(input: NewAssignmentInput): { pastMilestones?: readonly MilestoneAtIssue[] } {
  const past = milestonesPastAtIssue(input.milestones ?? [], input.startDate, input.dueDate);
  return past.length > 0 ? { pastMilestones: past } : {};
}

/**
 * Overdue = still owed (pending acceptance or in progress) at or after `dueAt`; a closure request made before
 * the deadline stops the clock, one made at or after it stays overdue while it is verified.
 * The read model asks the same question in SQL: overdueSql (overdue-sql.ts), tested to agree.
 */
export function isOverdue(state: Pick<AssignmentState, 'status' | 'dueAt' | 'closureRequest'>, now: number): boolean {
  if (OWED_STATUSES.includes(state.status)) return now >= state.dueAt;
  if (state.status === 'closure_requested') return state.closureRequest !== null && state.closureRequest.at >= state.dueAt;
  return false;
}
