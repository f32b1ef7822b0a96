import { ROLES, type Role } from './actor';
import { ASSIGNMENT_COMMAND_TYPES, type AssignmentCommandType } from './assignment-commands';
import { authorize, authorizePermission, authorizePlanAction, canIssue, hasPermission, PERMISSIONS, readableUnitsOf } from './roles-and-permissions';
import { actorFor, OTHER_UNIT, UNIT } from '../testing/test-fixtures';

const ALLOWED: Readonly<Record<Role, readonly AssignmentCommandType[]>> = {
  unit_staff: ['accept', 'reportProgress', 'requestClosure', 'requestExtension', 'decline'],
  supervisor: ['urge'],
  coordinator: ['approveClosure', 'rejectClosure', 'decideExtension', 'triggerTalk', 'reassign', 'withdraw'],
  admin: ['approveClosure', 'rejectClosure', 'decideExtension', 'triggerTalk', 'reassign', 'withdraw'],
  system: ['escalate'],
};

describe('authorize: every role × every command', () => {
  const cases = ROLES.flatMap((role) =>
    ASSIGNMENT_COMMAND_TYPES.map((command) => [role, command, ALLOWED[role].includes(command)] as const),
  );

  it.each(cases)('%s may %s: %s', (role, command, allowed) => {
    const result = authorize(actorFor(role), { unitId: UNIT }, command);
    expect(canIssue(role, command)).toBe(allowed);
    if (allowed) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it.each(ALLOWED.unit_staff)('unit staff of another unit get wrong_unit for %s (a signal from the wrong unit)', (command) => {
    const result = authorize(actorFor('unit_staff', [OTHER_UNIT]), { unitId: UNIT }, command);
    expect(result).toMatchObject({ ok: false, code: 'wrong_unit' });
    expect(!result.ok && result.reason).toContain(UNIT);
  });

  it('unit staff with several units may act for any of them', () => {
    expect(authorize(actorFor('unit_staff', [OTHER_UNIT, UNIT]), { unitId: UNIT }, 'accept')).toEqual({ ok: true });
    expect(authorize(actorFor('unit_staff', []), { unitId: UNIT }, 'accept')).toMatchObject({ code: 'wrong_unit' });
  });

  it('a role without the right is forbidden before the unit is checked', () => {
    expect(authorize(actorFor('unit_staff', [OTHER_UNIT]), { unitId: UNIT }, 'approveClosure')).toMatchObject({
      code: 'forbidden',
    });
  });

  it('cross-unit roles are not limited by unit', () => {
    expect(authorize(actorFor('supervisor', []), { unitId: UNIT }, 'urge')).toEqual({ ok: true });
    expect(authorize(actorFor('coordinator', [OTHER_UNIT]), { unitId: UNIT }, 'withdraw')).toEqual({ ok: true });
  });
});

describe('authorizePlanAction', () => {
  it.each(ROLES.flatMap((role) => (['importPlan', 'publishPlan'] as const).map((action) => [role, action] as const)))(
    '%s %s',
    (role, action) => {
      const result = authorizePlanAction(actorFor(role), action);
      if (role === 'admin') expect(result).toEqual({ ok: true });
      else expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    },
  );
});

describe('named permissions', () => {
  it('administrators hold every permission; coordinators preview, edit drafts, keep the unit directory and run the review; supervisors read it', () => {
    for (const permission of PERMISSIONS) expect(authorizePermission(actorFor('admin'), permission)).toEqual({ ok: true });
    expect(PERMISSIONS.filter((permission) => hasPermission('coordinator', permission))).toEqual([
      'previewPlan',
      'editPlanDraft',
      'manageUnits',
      'readReview',
      'runReview',
      'readTalks',
      'reportTalkRectification',
    ]);
    expect(PERMISSIONS.filter((permission) => hasPermission('supervisor', permission))).toEqual(['readReview', 'readTalks']);
    // A unit's staff read their own 约谈 and report its rectification (the talk course scopes them to their units).
    expect(PERMISSIONS.filter((permission) => hasPermission('unit_staff', permission))).toEqual(['readTalks', 'reportTalkRectification']);
    expect(PERMISSIONS.filter((permission) => hasPermission('system', permission))).toEqual([]);
  });

  it('refuses with the role and the permission in Chinese', () => {
    expect(authorizePermission(actorFor('coordinator'), 'manageUsers')).toEqual({ ok: false, code: 'forbidden', reason: '牵头协调人员无权管理用户' });
  });

  it('read scope: a unit’s staff read their own units only, other roles every unit', () => {
    expect(readableUnitsOf(actorFor('unit_staff', [UNIT]))).toEqual([UNIT]);
    for (const role of ['supervisor', 'coordinator', 'admin', 'system'] as const) expect(readableUnitsOf(actorFor(role))).toBeUndefined();
  });
});
