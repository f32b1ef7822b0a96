import { shanghaiInstant } from '@duban/calendar';
import type { AssignmentCommand, AssignmentCommandType } from './assignment-commands';
import { ASSIGNMENT_COMMAND_TYPES } from './assignment-commands';
import { decide, decideAll, statusRejection, type DecideContext, type DecideResult } from './assignment-actions';
import type { AssignmentState } from './assignment-state';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from './assignment-status';
import type { RejectionCode } from './rejection';
import { actorFor, at, DUE, freshState, ISSUER, OTHER_UNIT, SAMPLE_COMMANDS, stateIn, UNIT } from '../testing/test-fixtures';

/** After the due date, so escalation is allowed. */
const NOW = at('2025-07-10');

function ctx(type: AssignmentCommandType, now = NOW): DecideContext {
  return { now, actor: actorFor(ISSUER[type]) };
}

function run(state: AssignmentState, command: AssignmentCommand, context: DecideContext = ctx(command.type)): DecideResult {
  return decide(state, command, context);
}

function okState(result: DecideResult): AssignmentState {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.reason}`);
  return result.state;
}

function rejectionCode(result: DecideResult): RejectionCode | 'ok' {
  return result.ok ? 'ok' : result.code;
}

type Row = readonly [AssignmentCommandType, ...(RejectionCode | 'ok')[]];

// Columns follow ASSIGNMENT_STATUSES: pending_acceptance, in_progress, closure_requested, closed, declined, reassigned, withdrawn.
const STATUS_TABLE: readonly Row[] = [
  ['accept', 'ok', 'already_accepted', 'already_accepted', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['reportProgress', 'not_accepted', 'ok', 'closure_pending', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['requestClosure', 'not_accepted', 'ok', 'closure_pending', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['approveClosure', 'no_closure_request', 'no_closure_request', 'ok', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['rejectClosure', 'no_closure_request', 'no_closure_request', 'ok', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['requestExtension', 'not_accepted', 'ok', 'closure_pending', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  // in_progress here has no pending request; see the extension tests for the approve/deny paths.
  ['decideExtension', 'no_extension_request', 'no_extension_request', 'no_extension_request', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['decline', 'ok', 'already_accepted', 'already_accepted', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['reassign', 'ok', 'ok', 'closure_pending', 'already_closed', 'ok', 'reassigned', 'withdrawn'],
  ['withdraw', 'ok', 'ok', 'ok', 'already_closed', 'ok', 'reassigned', 'withdrawn'],
  ['urge', 'ok', 'ok', 'closure_pending', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
  ['triggerTalk', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'withdrawn'],
  ['escalate', 'ok', 'ok', 'closure_pending', 'already_closed', 'declined', 'reassigned', 'withdrawn'],
];

describe('decide: every status × every command', () => {
  it('the table covers every command and status', () => {
    expect(STATUS_TABLE.map((row) => row[0]).sort()).toEqual([...ASSIGNMENT_COMMAND_TYPES].sort());
    for (const row of STATUS_TABLE) expect(row).toHaveLength(ASSIGNMENT_STATUSES.length + 1);
  });

  const cases = STATUS_TABLE.flatMap(([command, ...codes]) =>
    ASSIGNMENT_STATUSES.map((status, index) => [command, status, codes[index]] as const),
  );

  it.each(cases)('%s in %s → %s', (command, status, expected) => {
    const result = run(stateIn(status), SAMPLE_COMMANDS[command]);
    expect(rejectionCode(result)).toBe(expected);
    if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/); // a Chinese reason for people
    if (result.ok) {
      expect(result.events).toHaveLength(1);
      expect(result.events[0]?.at).toBe(NOW);
      expect(result.events[0]?.actor.role).toBe(ISSUER[command]);
    }
  });

  it('statusRejection explains in Chinese', () => {
    expect(statusRejection('closed', 'requestClosure')).toEqual({
      ok: false,
      code: 'already_closed',
      reason: '任务已办结，不能再“申请办结”',
    });
    expect(statusRejection('pending_acceptance', 'reportProgress').reason).toBe('任务尚未签收，请先签收再“进展反馈”');
  });
});

describe('decide: transitions and events', () => {
  it('accept → in_progress, records acceptedAt', () => {
    const result = run(freshState(), { type: 'accept' }, ctx('accept', at('2025-01-03')));
    expect(okState(result)).toMatchObject({ status: 'in_progress', acceptedAt: at('2025-01-03') });
    expect(result.ok && result.events[0]).toEqual({
      type: 'accepted',
      at: at('2025-01-03'),
      actor: { role: 'unit_staff', id: 'unit_staff-1', unitIds: [UNIT] },
      payload: {},
    });
  });

  it('reportProgress records the report and keeps the last known percent', () => {
    const first = okState(run(stateIn('in_progress'), { type: 'reportProgress', percent: 30, actualValue: 3, text: ' 推进中 ' }));
    expect(first.lastReport).toEqual({ at: NOW, percent: 30, actualValue: 3 });
    expect(first.reportCount).toBe(1);
    const later = at('2025-07-11');
    const second = run(first, { type: 'reportProgress', text: '继续推进' }, ctx('reportProgress', later));
    expect(okState(second).lastReport).toEqual({ at: later, percent: 30, actualValue: 3 });
    expect(okState(second).reportCount).toBe(2);
    expect(second.ok && second.events[0]?.payload).toEqual({ percent: null, actualValue: null, text: '继续推进', evidenceLinks: [] });
  });

  it.each([
    [{ percent: -1 }, 'invalid_percent'],
    [{ percent: 100.5 }, 'invalid_percent'],
    [{ percent: Number.NaN }, 'invalid_percent'],
    [{ percent: 0 }, 'ok'],
    [{ percent: 100 }, 'ok'],
    [{ actualValue: Number.POSITIVE_INFINITY }, 'invalid_value'],
    [{ actualValue: -5 }, 'ok'],
    [{ text: '   ' }, 'text_required'],
    [{ evidenceLinks: ['https://example.gov.cn/a', ' '] }, 'invalid_evidence'],
    [{ evidenceLinks: ['javascript:alert(1)'] }, 'invalid_evidence'],
    [{ evidenceLinks: ['data:text/html,<script>alert(1)</script>'] }, 'invalid_evidence'],
    [{ evidenceLinks: ['file:///etc/passwd'] }, 'invalid_evidence'],
    [{ evidenceLinks: [' https://example.gov.cn/a ', 'http://oa/doc?id=1'] }, 'ok'],
  ] as const)('reportProgress %p → %s', (patch, expected) => {
    const command = { type: 'reportProgress' as const, text: '进展', ...patch };
    expect(rejectionCode(run(stateIn('in_progress'), command))).toBe(expected);
  });

  it('requestClosure → closure_requested with the Shanghai business date of the request', () => {
    // 2025-06-30 17:00 UTC is already 07-01 in Shanghai.
    const now = Date.UTC(2025, 5, 30, 17);
    const state = okState(run(stateIn('in_progress'), { type: 'requestClosure', summary: '完成' }, ctx('requestClosure', now)));
    expect(state.status).toBe('closure_requested');
    expect(state.closureRequest).toEqual({ at: now, date: '2025-07-01', summary: '完成', evidenceLinks: [] });
  });

  it('requestClosure needs a summary and no pending extension', () => {
    expect(rejectionCode(run(stateIn('in_progress'), { type: 'requestClosure', summary: '' }))).toBe('text_required');
    const pending = stateIn('in_progress', {
      extensionRequest: { requestedAt: NOW, requestedDueDate: '2025-09-30', reason: 'x' },
    });
    expect(rejectionCode(run(pending, SAMPLE_COMMANDS.requestClosure))).toBe('extension_pending');
  });

  it('approveClosure → closed; completion date is the request date', () => {
    const result = run(stateIn('closure_requested'), { type: 'approveClosure', note: '材料齐全' });
    expect(okState(result)).toMatchObject({ status: 'closed', closedAt: NOW, completedDate: '2025-06-20' });
    expect(result.ok && result.events[0]?.payload).toEqual({ completedDate: '2025-06-20', note: '材料齐全' });
  });

  it('rejectClosure (退回) → back to in_progress, counted, reason required', () => {
    const once = okState(run(stateIn('closure_requested'), SAMPLE_COMMANDS.rejectClosure));
    expect(once).toMatchObject({ status: 'in_progress', closureRequest: null, closureRejectionCount: 1 });
    const again = okState(
      decideAll(once, [
        { command: SAMPLE_COMMANDS.requestClosure, context: ctx('requestClosure') },
        { command: SAMPLE_COMMANDS.rejectClosure, context: ctx('rejectClosure') },
      ]),
    );
    expect(again.closureRejectionCount).toBe(2);
    expect(rejectionCode(run(stateIn('closure_requested'), { type: 'rejectClosure', reason: ' ' }))).toBe('reason_required');
  });

  describe('extensions (申请延期)', () => {
    const pending = () =>
      okState(run(stateIn('in_progress'), { type: 'requestExtension', newDueDate: '2025-09-30', reason: '资金未到位' }));

    it('a request rides alongside in_progress', () => {
      const state = pending();
      expect(state.status).toBe('in_progress');
      expect(state.extensionRequest).toEqual({ requestedAt: NOW, requestedDueDate: '2025-09-30', reason: '资金未到位' });
      expect(state.dueDate).toBe(DUE);
    });

    it.each([
      ['2025-06-30', 'date_not_after_due'],
      ['2025-06-01', 'date_not_after_due'],
      ['2025-02-30', 'invalid_date'],
      ['2025/09/30', 'invalid_date'],
      ['2025-07-01', 'ok'],
    ])('newDueDate %s → %s', (newDueDate, expected) => {
      expect(rejectionCode(run(stateIn('in_progress'), { type: 'requestExtension', newDueDate, reason: 'r' }))).toBe(expected);
    });

    it('needs a reason and only one pending request', () => {
      expect(rejectionCode(run(stateIn('in_progress'), { type: 'requestExtension', newDueDate: '2025-09-30', reason: '' }))).toBe(
        'reason_required',
      );
      expect(rejectionCode(run(pending(), SAMPLE_COMMANDS.requestExtension))).toBe('extension_pending');
    });

    it('approval moves the due date, resets the ladder and keeps history counts', () => {
      const escalated = { ...pending(), reachedLevels: ['urge', 'supervise', 'bulletin'] as const, bulletinCount: 1, talkProposed: true };
      const result = run(escalated, { type: 'decideExtension', approve: true });
      const state = okState(result);
      expect(state).toMatchObject({
        dueDate: '2025-09-30',
        originalDueDate: DUE,
        dueAt: shanghaiInstant('2025-10-01'),
        extensionRequest: null,
        extensionsApproved: 1,
        reachedLevels: [],
        bulletinCount: 1,
        talkProposed: false,
      });
      expect(result.ok && result.events[0]).toMatchObject({
        type: 'extension_approved',
        payload: { previousDueDate: DUE, newDueDate: '2025-09-30', requestedDueDate: '2025-09-30', reason: null },
      });
    });

    it('the coordinator may approve a different date, still after the current due date', () => {
      expect(okState(run(pending(), { type: 'decideExtension', approve: true, newDueDate: '2025-08-31' })).dueDate).toBe('2025-08-31');
      expect(rejectionCode(run(pending(), { type: 'decideExtension', approve: true, newDueDate: '2025-06-30' }))).toBe(
        'date_not_after_due',
      );
    });

    it('denial needs a reason and clears the request', () => {
      expect(rejectionCode(run(pending(), { type: 'decideExtension', approve: false }))).toBe('reason_required');
      const result = run(pending(), { type: 'decideExtension', approve: false, reason: '理由不充分' });
      expect(okState(result)).toMatchObject({ dueDate: DUE, extensionRequest: null, extensionsDenied: 1 });
      expect(result.ok && result.events[0]?.type).toBe('extension_denied');
    });

    it('reassign and withdraw drop a pending request', () => {
      expect(okState(run(pending(), SAMPLE_COMMANDS.reassign)).extensionRequest).toBeNull();
      expect(okState(run(pending(), SAMPLE_COMMANDS.withdraw)).extensionRequest).toBeNull();
    });
  });

  it('decline (退办) needs a reason; reassign names the new unit', () => {
    expect(rejectionCode(run(freshState(), { type: 'decline', reason: '' }))).toBe('reason_required');
    const declined = okState(run(freshState(), SAMPLE_COMMANDS.decline));
    expect(declined).toMatchObject({ status: 'declined', declineReason: '非本单位职责' });
    const result = run(declined, { type: 'reassign', toUnit: ` ${OTHER_UNIT} `, reason: '职责调整' });
    expect(okState(result)).toMatchObject({ status: 'reassigned', reassignedTo: OTHER_UNIT });
    expect(result.ok && result.events[0]?.payload).toEqual({ fromUnit: UNIT, toUnit: OTHER_UNIT, reason: '职责调整' });
  });

  it('reassign rejects a blank or identical unit', () => {
    expect(rejectionCode(run(freshState(), { type: 'reassign', toUnit: '  ' }))).toBe('unit_required');
    expect(rejectionCode(run(freshState(), { type: 'reassign', toUnit: UNIT }))).toBe('same_unit');
  });

  it('withdraw needs a reason', () => {
    expect(rejectionCode(run(freshState(), { type: 'withdraw', reason: '' }))).toBe('reason_required');
    expect(okState(run(freshState(), SAMPLE_COMMANDS.withdraw))).toMatchObject({ status: 'withdrawn', withdrawReason: '方案调整' });
  });

  it('urge counts 催办 and 督办 separately; unknown level rejected', () => {
    const urged = okState(run(stateIn('in_progress'), { type: 'urge' }));
    expect(urged).toMatchObject({ urgeCount: 1, superviseCount: 0 });
    const supervised = okState(run(urged, { type: 'urge', level: 'supervise' }));
    expect(supervised).toMatchObject({ urgeCount: 1, superviseCount: 1 });
    const bad = { type: 'urge', level: 'talk' } as unknown as AssignmentCommand;
    expect(rejectionCode(run(stateIn('in_progress'), bad, ctx('urge')))).toBe('invalid_level');
  });

  it('triggerTalk (约谈) counts talks, clears a proposal, needs a reason — even when closed', () => {
    const state = okState(run(stateIn('closed', { talkProposed: true }), SAMPLE_COMMANDS.triggerTalk));
    expect(state).toMatchObject({ status: 'closed', talkCount: 1, talkProposed: false });
    expect(rejectionCode(run(stateIn('in_progress'), { type: 'triggerTalk', reason: '' }))).toBe('reason_required');
  });

  describe('escalate', () => {
    it('climbs the ladder in order and records bulletin / talk proposals', () => {
      const levels = ['urge', 'supervise', 'bulletin', 'talk'] as const;
      let state = stateIn('in_progress');
      for (const level of levels) state = okState(run(state, { type: 'escalate', level }));
      expect(state).toMatchObject({ reachedLevels: [...levels], bulletinCount: 1, talkProposed: true, talkCount: 0 });
    });

    it('may skip levels but never go back or repeat', () => {
      const atBulletin = okState(run(stateIn('in_progress'), { type: 'escalate', level: 'bulletin' }));
      expect(atBulletin.reachedLevels).toEqual(['bulletin']);
      expect(rejectionCode(run(atBulletin, { type: 'escalate', level: 'supervise' }))).toBe('level_already_reached');
      expect(rejectionCode(run(atBulletin, { type: 'escalate', level: 'bulletin' }))).toBe('level_already_reached');
    });

    it('refuses before the deadline has passed (dueAt = 00:00 the day after the due date)', () => {
      const lastMoment = shanghaiInstant('2025-07-01') - 1;
      expect(rejectionCode(run(stateIn('in_progress'), SAMPLE_COMMANDS.escalate, ctx('escalate', lastMoment)))).toBe('not_overdue');
      expect(rejectionCode(run(stateIn('in_progress'), SAMPLE_COMMANDS.escalate, ctx('escalate', lastMoment + 1)))).toBe('ok');
    });

    it('honours a test-speed dueAt', () => {
      const state = stateIn('in_progress', { dueAt: 1_000 });
      expect(rejectionCode(run(state, SAMPLE_COMMANDS.escalate, ctx('escalate', 999)))).toBe('not_overdue');
      expect(rejectionCode(run(state, SAMPLE_COMMANDS.escalate, ctx('escalate', 1_000)))).toBe('ok');
    });

    it('rejects an unknown level', () => {
      const bad = { type: 'escalate', level: 'fire' } as unknown as AssignmentCommand;
      expect(rejectionCode(run(stateIn('in_progress'), bad, ctx('escalate')))).toBe('invalid_level');
    });
  });

  it('authorization is checked before the status (no state leaks to the wrong unit)', () => {
    const wrongUnit = { now: NOW, actor: actorFor('unit_staff', [OTHER_UNIT]) };
    expect(rejectionCode(run(stateIn('closed'), SAMPLE_COMMANDS.reportProgress, wrongUnit))).toBe('wrong_unit');
    expect(rejectionCode(run(stateIn('closed'), SAMPLE_COMMANDS.approveClosure, ctx('accept')))).toBe('forbidden');
  });

  it('rejects an unknown command type', () => {
    const bogus = { type: 'explode' } as unknown as AssignmentCommand;
    expect(rejectionCode(decide(freshState(), bogus, ctx('accept')))).toBe('forbidden');
  });

  it('never mutates the input state', () => {
    const state = Object.freeze(stateIn('in_progress'));
    const result = run(state, SAMPLE_COMMANDS.reportProgress);
    expect(result.ok).toBe(true);
    expect(state.reportCount).toBe(0);
  });

  it('a whole happy path: accept, report, extend, close', () => {
    const result = decideAll(freshState(), [
      { command: SAMPLE_COMMANDS.accept, context: ctx('accept', at('2025-01-03')) },
      { command: SAMPLE_COMMANDS.reportProgress, context: ctx('reportProgress', at('2025-02-03')) },
      { command: SAMPLE_COMMANDS.requestExtension, context: ctx('requestExtension', at('2025-06-01')) },
      { command: SAMPLE_COMMANDS.decideExtension, context: ctx('decideExtension', at('2025-06-03')) },
      { command: SAMPLE_COMMANDS.requestClosure, context: ctx('requestClosure', at('2025-09-01')) },
      { command: SAMPLE_COMMANDS.approveClosure, context: ctx('approveClosure', at('2025-09-05')) },
    ]);
    expect(result.ok && result.events.map((event) => event.type)).toEqual([
      'accepted',
      'progress_reported',
      'extension_requested',
      'extension_approved',
      'closure_requested',
      'closure_approved',
    ]);
    expect(okState(result)).toMatchObject({ status: 'closed', dueDate: '2025-09-30', completedDate: '2025-09-01' });
  });

  it('decideAll stops at the first rejection', () => {
    const result = decideAll(freshState(), [
      { command: SAMPLE_COMMANDS.reportProgress, context: ctx('reportProgress') },
      { command: SAMPLE_COMMANDS.accept, context: ctx('accept') },
    ]);
    expect(rejectionCode(result)).toBe('not_accepted');
  });
});

describe('status coverage helper', () => {
  it('every status is reachable in fixtures', () => {
    const statuses: AssignmentStatus[] = ASSIGNMENT_STATUSES.map((status) => stateIn(status).status);
    expect(statuses).toEqual([...ASSIGNMENT_STATUSES]);
  });
});
