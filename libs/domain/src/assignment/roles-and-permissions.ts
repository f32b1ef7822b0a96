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

/**
 * Named permissions for everything that is not an action on one assignment: the API's routes declare the
 * permission they need (@Permission in apps/api), and ROLE_PERMISSIONS below decides who holds it. No role
 * list is written anywhere else.
 */
export const PERMISSIONS = [
  'importPlan',
  'publishPlan',
  'previewPlan',
  'editPlanDraft',
  'manageUnits',
  'manageUsers',
  'readAuditLog',
  'manageUnitChannels',
  'readReview',
  'runReview',
  'readTalks',
  'reportTalkRectification',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  importPlan: '导入方案',
  publishPlan: '发布或撤回方案',
  previewPlan: '预览方案发布结果',
  editPlanDraft: '修改方案草稿',
  manageUnits: '维护单位名录',
  manageUsers: '管理用户',
  readAuditLog: '查看操作日志',
  manageUnitChannels: '设置单位通知渠道',
  readReview: '查看通报、考核和统计',
  runReview: '生成、编辑和发布通报与考核',
  readTalks: '查看约谈记录',
  reportTalkRectification: '报送约谈整改情况',
};

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  // Unit staff read their own units' 约谈 and report the rectification (scoped like their assignments).
  unit_staff: ['readTalks', 'reportTalkRectification'],
  supervisor: ['readReview', 'readTalks'],
  coordinator: ['previewPlan', 'editPlanDraft', 'manageUnits', 'readReview', 'runReview', 'readTalks', 'reportTalkRectification'],
  admin: PERMISSIONS,
  system: [],
};

/** The plan actions (a subset of the permissions, kept for the web console's checks). */
export type PlanAction = Extract<Permission, 'importPlan' | 'publishPlan'>;

export const PLAN_ACTION_LABELS: Readonly<Record<PlanAction, string>> = {
  importPlan: '导入方案',
  publishPlan: '发布方案',
};

const isPlanAction = (permission: Permission): permission is PlanAction => permission in PLAN_ACTION_LABELS;

/** The plan actions each role holds (derived from ROLE_PERMISSIONS). */
export const ROLE_PLAN_ACTIONS: Readonly<Record<Role, readonly PlanAction[]>> = {
  unit_staff: ROLE_PERMISSIONS.unit_staff.filter(isPlanAction),
  supervisor: ROLE_PERMISSIONS.supervisor.filter(isPlanAction),
  coordinator: ROLE_PERMISSIONS.coordinator.filter(isPlanAction),
  admin: ROLE_PERMISSIONS.admin.filter(isPlanAction),
  system: ROLE_PERMISSIONS.system.filter(isPlanAction),
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

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** May `actor` do what `permission` names? `forbidden` (with the role and the permission in Chinese) otherwise. */
export function authorizePermission(actor: Actor, permission: Permission): AuthorizationResult {
  if (hasPermission(actor.role, permission)) return { ok: true };
  return reject('forbidden', `${ROLE_LABELS[actor.role]}无权${PERMISSION_LABELS[permission]}`);
}

export function authorizePlanAction(actor: Actor, action: PlanAction): AuthorizationResult {
  if (hasPermission(actor.role, action)) return { ok: true };
  return reject('forbidden', `${ROLE_LABELS[actor.role]}无权${PLAN_ACTION_LABELS[action]}`);
}

/**
 * Read scope: the units whose records an actor may read — a unit-scoped role's own units only; every other
 * role every unit (`undefined`). The same rule as command authorization, applied to reads.
 */
export function readableUnitsOf(actor: Pick<Actor, 'role' | 'unitIds'>): readonly string[] | undefined {
  return UNIT_SCOPED_ROLES.includes(actor.role) ? actor.unitIds : undefined;
}
