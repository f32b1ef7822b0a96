import { ROLE_LABELS, type Actor, type Role } from './actor';
import { COMMAND_LABELS, type AssignmentCommandType } from './assignment-commands';
import { reject, type Rejection } from './rejection';

/** Commands each role may issue. unit_staff additionally must belong to the assignment's unit. */
export const ROLE_COMMANDS: Readonly<Record<Role, readonly AssignmentCommandType[]>> = {
  unit_staff: ['accept', 'reportProgress', 'requestClosure', 'requestExtension', 'decline'],
  supervisor: ['urge'],
  coordinator: ['approveClosure', 'rejectClosure', 'decideExtension', 'triggerTalk', 'reassign', 'withdraw'],
  admin: ['approveClosure', 'rejectClosure', 'decideExtension', 'triggerTalk', 'reassign', 'withdraw'],
  system: ['escalate'],
};

/** Roles whose commands are limited to their own units' assignments. */
const UNIT_SCOPED_ROLES: readonly Role[] = ['unit_staff'];

export type PlanAction = 'importPlan' | 'publishPlan';

export const PLAN_ACTION_LABELS: Readonly<Record<PlanAction, string>> = {
  importPlan: '导入方案',
  publishPlan: '发布方案',
};

export const ROLE_PLAN_ACTIONS: Readonly<Record<Role, readonly PlanAction[]>> = {
  unit_staff: [],
  supervisor: [],
  coordinator: [],
  admin: ['importPlan', 'publishPlan'],
  system: [],
};

export type AuthorizationResult = { readonly ok: true } | Rejection;

export function canIssue(role: Role, commandType: AssignmentCommandType): boolean {
  return ROLE_COMMANDS[role].includes(commandType);
}

/**
 * May `actor` issue `commandType` on this assignment? A unit's staff acting on another unit's assignment
 * (e.g. a signal sent from the wrong unit) is `wrong_unit`; a role without the right is `forbidden`.
 */
export function authorize(
  actor: Actor,
  assignment: { readonly unitId: string },
  commandType: AssignmentCommandType,
): AuthorizationResult {
  if (!canIssue(actor.role, commandType)) {
    return reject('forbidden', `${ROLE_LABELS[actor.role]}无权执行“${COMMAND_LABELS[commandType]}”`);
  }
  if (UNIT_SCOPED_ROLES.includes(actor.role) && !actor.unitIds.includes(assignment.unitId)) {
    return reject('wrong_unit', `只能办理本单位的任务，该任务的责任单位是“${assignment.unitId}”`);
  }
  return { ok: true };
}

export function authorizePlanAction(actor: Actor, action: PlanAction): AuthorizationResult {
  if (ROLE_PLAN_ACTIONS[actor.role].includes(action)) return { ok: true };
  return reject('forbidden', `${ROLE_LABELS[actor.role]}无权${PLAN_ACTION_LABELS[action]}`);
}
