import { availableActions, mayDoPlanAction, pendingExtension } from './available-actions';

const staff = { role: 'unit_staff' as const, unitIds: ['市卫健委'] };
const coordinator = { role: 'coordinator' as const, unitIds: [] };
const supervisor = { role: 'supervisor' as const, unitIds: [] };

describe('availableActions', () => {
  it('recognises the holder by directory id, or by name for a user whose scope still lists names, as the API does', () => {
    const held = { unitId: '0b6d2f1e-unit-id', unitName: '市卫健委', status: 'in_progress', extensionPending: false };
    const byId = { role: 'unit_staff' as const, unitIds: ['0b6d2f1e-unit-id'] };
    expect(availableActions(byId, held)).toEqual(['reportProgress', 'requestClosure', 'requestExtension']);
    expect(availableActions(staff, held)).toEqual(['reportProgress', 'requestClosure', 'requestExtension']);
    expect(availableActions({ role: 'unit_staff' as const, unitIds: ['市发改委'] }, held)).toEqual([]);
    expect(availableActions(staff, { ...held, unitId: null })).toEqual(['reportProgress', 'requestClosure', 'requestExtension']);
  });

  it("offers a unit's staff accept or decline on a new assignment of their own unit, nothing on another unit's", () => {
    expect(availableActions(staff, { unitId: '市卫健委', status: 'pending_acceptance', extensionPending: false })).toEqual(['accept', 'decline']);
    expect(availableActions(staff, { unitId: '市发改委', status: 'pending_acceptance', extensionPending: false })).toEqual([]);
  });

  it('offers report, closure and extension while in progress; no second extension or closure while one is pending', () => {
    expect(availableActions(staff, { unitId: '市卫健委', status: 'in_progress', extensionPending: false })).toEqual(['reportProgress', 'requestClosure', 'requestExtension']);
    expect(availableActions(staff, { unitId: '市卫健委', status: 'in_progress', extensionPending: true })).toEqual(['reportProgress']);
  });

  it('offers coordinators the review of a closure request and the extension decision only when one waits', () => {
    expect(availableActions(coordinator, { unitId: '市卫健委', status: 'closure_requested', extensionPending: false })).toEqual(['approveClosure', 'rejectClosure', 'triggerTalk', 'withdraw']);
    expect(availableActions(coordinator, { unitId: '市卫健委', status: 'in_progress', extensionPending: true })).toContain('decideExtension');
    expect(availableActions(coordinator, { unitId: '市卫健委', status: 'in_progress', extensionPending: false })).not.toContain('decideExtension');
  });

  it('offers supervisors 催办 on open work only', () => {
    expect(availableActions(supervisor, { unitId: '市卫健委', status: 'in_progress', extensionPending: false })).toEqual(['urge']);
    expect(availableActions(supervisor, { unitId: '市卫健委', status: 'closed', extensionPending: false })).toEqual([]);
  });

  it('lets only administrators import and publish plans', () => {
    expect(mayDoPlanAction({ role: 'admin', unitIds: [] }, 'publishPlan')).toBe(true);
    expect(mayDoPlanAction(coordinator, 'importPlan')).toBe(false);
  });
});

describe('pendingExtension', () => {
  it('is the last request without a decision after it', () => {
    const requested = { type: 'extension_requested', payload: { requestedDueDate: '2027-03-31', reason: '资金未到位' } };
    expect(pendingExtension([{ type: 'accepted', payload: {} }, requested])).toEqual({ requestedDueDate: '2027-03-31', reason: '资金未到位' });
    expect(pendingExtension([requested, { type: 'extension_denied', payload: {} }])).toBeNull();
    expect(pendingExtension([])).toBeNull();
  });
});
