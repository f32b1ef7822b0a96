/** Shared builders for the domain specs (not exported from the library). */
import { shanghaiInstant, type BusinessDate } from '@duban/calendar';
import type { Actor, Role } from '../assignment/actor';
import type { AssignmentCommand, AssignmentCommandType } from '../assignment/assignment-commands';
import { createAssignmentState, type AssignmentState } from '../assignment/assignment-state';
import type { AssignmentStatus } from '../assignment/assignment-status';

export const UNIT = '市卫健委';
export const OTHER_UNIT = '市财政局';
export const START: BusinessDate = '2025-01-02';
export const DUE: BusinessDate = '2025-06-30';

export function at(date: BusinessDate, time = '10:00'): number {
  return shanghaiInstant(date, time);
}

export function actorFor(role: Role, unitIds: readonly string[] = role === 'unit_staff' ? [UNIT] : []): Actor {
  return { role, unitIds, id: `${role}-1` };
}

export function freshState(overrides: Partial<AssignmentState> = {}): AssignmentState {
  return { ...createAssignmentState({ key: 'plan/1/市卫健委/-', unitId: UNIT, startDate: START, dueDate: DUE }), ...overrides };
}

/** A state in `status` that looks like it got there legitimately. */
export function stateIn(status: AssignmentStatus, overrides: Partial<AssignmentState> = {}): AssignmentState {
  const accepted = { acceptedAt: at('2025-01-03') };
  const byStatus: Record<AssignmentStatus, Partial<AssignmentState>> = {
    pending_acceptance: {},
    in_progress: accepted,
    closure_requested: {
      ...accepted,
      status: 'closure_requested',
      closureRequest: { at: at('2025-06-20'), date: '2025-06-20', summary: '已完成', evidenceLinks: [] },
    },
    closed: {
      ...accepted,
      status: 'closed',
      closureRequest: { at: at('2025-06-20'), date: '2025-06-20', summary: '已完成', evidenceLinks: [] },
      closedAt: at('2025-06-23'),
      completedDate: '2025-06-20',
    },
    declined: { declineReason: '非本单位职责' },
    reassigned: { declineReason: '非本单位职责', reassignedTo: OTHER_UNIT },
    withdrawn: { withdrawReason: '任务取消' },
  };
  return freshState({ ...byStatus[status], status, ...overrides });
}

/** A valid example of every command. */
export const SAMPLE_COMMANDS: { readonly [T in AssignmentCommandType]: Extract<AssignmentCommand, { type: T }> } = {
  accept: { type: 'accept' },
  reportProgress: { type: 'reportProgress', percent: 40, text: '已完成选址', evidenceLinks: ['https://example.org/a'] },
  requestClosure: { type: 'requestClosure', summary: '全部完成', evidenceLinks: ['https://example.org/b'] },
  approveClosure: { type: 'approveClosure' },
  rejectClosure: { type: 'rejectClosure', reason: '佐证材料不足' },
  requestExtension: { type: 'requestExtension', newDueDate: '2025-09-30', reason: '资金未到位' },
  decideExtension: { type: 'decideExtension', approve: true },
  decline: { type: 'decline', reason: '非本单位职责' },
  reassign: { type: 'reassign', toUnit: OTHER_UNIT },
  withdraw: { type: 'withdraw', reason: '方案调整' },
  urge: { type: 'urge', level: 'urge', note: '请抓紧' },
  triggerTalk: { type: 'triggerTalk', reason: '长期逾期' },
  escalate: { type: 'escalate', level: 'urge' },
};

/** The role that may issue each command (for the status table). */
export const ISSUER: Readonly<Record<AssignmentCommandType, Role>> = {
  accept: 'unit_staff',
  reportProgress: 'unit_staff',
  requestClosure: 'unit_staff',
  approveClosure: 'coordinator',
  rejectClosure: 'coordinator',
  requestExtension: 'unit_staff',
  decideExtension: 'coordinator',
  decline: 'unit_staff',
  reassign: 'coordinator',
  withdraw: 'coordinator',
  urge: 'supervisor',
  triggerTalk: 'coordinator',
  escalate: 'system',
};
