import { shanghaiInstant } from '@duban/calendar';
import {
  DEFAULT_ESCALATION_LADDER,
  dueEscalations,
  escalationSchedule,
  escalationTime,
  issuedOverdue,
  ladderEntry,
  nextEscalationAt,
  validateLadder,
  type EscalationLadder,
  type LadderStep,
} from './escalation-ladder';
import { defaultDueAt } from '../assignment/assignment-state';

// Due Tuesday 2025-09-30, right before the golden week (10-01..10-08 off, Saturday 10-11 worked).
const due = { dueDate: '2025-09-30', dueAt: defaultDueAt('2025-09-30') };

describe('default ladder', () => {
  it('is valid', () => {
    expect(validateLadder(DEFAULT_ESCALATION_LADDER)).toEqual({ ok: true });
  });

  it('schedules 催办 on the first working day overdue and counts working days from there', () => {
    expect(escalationSchedule(DEFAULT_ESCALATION_LADDER, due)).toEqual([
      { level: 'urge', audiences: ['unit'], date: '2025-10-09', at: shanghaiInstant('2025-10-09', '09:00'), provisional: false },
      {
        level: 'supervise',
        audiences: ['unit', 'supervisors'],
        date: '2025-10-15', // 10, Sat 11, 13, 14, 15
        at: shanghaiInstant('2025-10-15', '09:00'),
        provisional: false,
      },
      {
        level: 'bulletin',
        audiences: ['unit', 'supervisors', 'bulletin'],
        date: '2025-10-22',
        at: shanghaiInstant('2025-10-22', '09:00'),
        provisional: false,
      },
      { level: 'talk', audiences: ['coordinator'], date: '2025-11-05', at: shanghaiInstant('2025-11-05', '09:00'), provisional: false },
    ]);
  });

  it('a due date on a Friday escalates on Monday', () => {
    const friday = { dueDate: '2025-06-27', dueAt: defaultDueAt('2025-06-27') };
    expect(nextEscalationAt(DEFAULT_ESCALATION_LADDER, friday, [])).toMatchObject({ level: 'urge', date: '2025-06-30' });
  });

  it('respects a custom notification time', () => {
    const ladder: EscalationLadder = { ...DEFAULT_ESCALATION_LADDER, notifyAt: '14:30' };
    expect(escalationSchedule(ladder, due)[0]?.at).toBe(shanghaiInstant('2025-10-09', '14:30'));
  });

  it('marks schedules that reach into a year without holiday data as provisional', () => {
    const lateDue = { dueDate: '2026-12-24', dueAt: defaultDueAt('2026-12-24') };
    const schedule = escalationSchedule(DEFAULT_ESCALATION_LADDER, lateDue);
    expect(schedule[0]).toMatchObject({ date: '2026-12-25', provisional: false });
    expect(schedule[2]).toMatchObject({ level: 'bulletin', provisional: true });
  });
});

describe('dueEscalations', () => {
  const ladder = DEFAULT_ESCALATION_LADDER;

  it('nothing before the first step', () => {
    expect(dueEscalations(ladder, due, shanghaiInstant('2025-10-09', '08:59'), [])).toEqual([]);
  });

  it('the first step exactly at its instant', () => {
    expect(dueEscalations(ladder, due, shanghaiInstant('2025-10-09', '09:00'), []).map((s) => s.level)).toEqual(['urge']);
  });

  it('several at once after a long sleep, lowest first', () => {
    expect(dueEscalations(ladder, due, shanghaiInstant('2025-10-23'), []).map((s) => s.level)).toEqual([
      'urge',
      'supervise',
      'bulletin',
    ]);
  });

  it('skips levels already reached and anything below the highest reached', () => {
    const now = shanghaiInstant('2025-12-01');
    expect(dueEscalations(ladder, due, now, ['urge']).map((s) => s.level)).toEqual(['supervise', 'bulletin', 'talk']);
    expect(dueEscalations(ladder, due, now, ['bulletin']).map((s) => s.level)).toEqual(['talk']);
    expect(dueEscalations(ladder, due, now, ['urge', 'supervise', 'bulletin', 'talk'])).toEqual([]);
  });
});

describe('nextEscalationAt', () => {
  it('walks up the ladder and ends with null', () => {
    const ladder = DEFAULT_ESCALATION_LADDER;
    expect(nextEscalationAt(ladder, due, [])?.level).toBe('urge');
    expect(nextEscalationAt(ladder, due, ['urge'])).toMatchObject({ level: 'supervise', date: '2025-10-15' });
    expect(nextEscalationAt(ladder, due, ['urge', 'supervise', 'bulletin'])?.level).toBe('talk');
    expect(nextEscalationAt(ladder, due, ['talk'])).toBeNull();
  });
});

describe('test-speed ladders (milliseconds)', () => {
  const fast: EscalationLadder = {
    steps: [
      { level: 'urge', afterMs: 0, audiences: ['unit'] },
      { level: 'supervise', afterMs: 1_000, audiences: ['unit', 'supervisors'] },
      { level: 'bulletin', afterMs: 2_000, audiences: ['bulletin'] },
      { level: 'talk', afterMs: 3_000, audiences: ['coordinator'] },
    ],
  };
  const fastDue = { dueDate: '2025-03-01', dueAt: 1_700_000_000_000 };

  it('is valid and fires at dueAt + afterMs', () => {
    expect(validateLadder(fast)).toEqual({ ok: true });
    expect(escalationSchedule(fast, fastDue).map((s) => s.at - fastDue.dueAt)).toEqual([0, 1_000, 2_000, 3_000]);
    expect(escalationTime(fast.steps[1] as LadderStep, fastDue).date).toBe('2023-11-15');
  });

  it('drives dueEscalations and nextEscalationAt the same way', () => {
    expect(dueEscalations(fast, fastDue, fastDue.dueAt + 1_500, []).map((s) => s.level)).toEqual(['urge', 'supervise']);
    expect(nextEscalationAt(fast, fastDue, ['urge', 'supervise'])?.at).toBe(fastDue.dueAt + 2_000);
  });

  it('never fires a working-day step before dueAt', () => {
    const ladder: EscalationLadder = { steps: [{ level: 'urge', afterWorkingDays: 0, audiences: ['unit'] }], notifyAt: '00:00' };
    const early = { dueDate: '2025-10-09', dueAt: shanghaiInstant('2025-10-09', '15:00') };
    expect(escalationSchedule(ladder, early)[0]?.at).toBe(early.dueAt);
  });
});

describe('validateLadder', () => {
  const step = (level: LadderStep['level'], afterWorkingDays: number): LadderStep => ({ level, afterWorkingDays, audiences: ['unit'] });

  it.each([
    ['empty', { steps: [] }, '升级规则至少需要一级'],
    ['descending levels', { steps: [step('supervise', 0), step('urge', 5)] }, '级别须逐级升高'],
    ['repeated level', { steps: [step('urge', 0), step('urge', 5)] }, '级别须逐级升高'],
    ['decreasing offsets', { steps: [step('urge', 5), step('supervise', 2)] }, '时限不能早于上一级'],
    ['no offset', { steps: [{ level: 'urge', audiences: ['unit'] }] }, '须且只能设置'],
    ['both offsets', { steps: [{ level: 'urge', afterWorkingDays: 0, afterMs: 0, audiences: ['unit'] }] }, '须且只能设置'],
    ['negative offset', { steps: [step('urge', -1)] }, '非负整数'],
    ['fractional ms', { steps: [{ level: 'urge', afterMs: 1.5, audiences: ['unit'] }] }, '非负整数'],
    ['no audience', { steps: [{ level: 'urge', afterWorkingDays: 0, audiences: [] }] }, '须指定通知对象'],
    ['unknown audience', { steps: [{ level: 'urge', afterWorkingDays: 0, audiences: ['mayor'] }] }, '未知通知对象 mayor'],
    ['unknown level', { steps: [{ level: 'fine', afterWorkingDays: 0, audiences: ['unit'] }] }, '未知级别 fine'],
    [
      'mixed units',
      { steps: [step('urge', 0), { level: 'supervise', afterMs: 5, audiences: ['unit'] }] },
      '同一种时限单位',
    ],
  ])('rejects %s', (_name, ladder, message) => {
    const result = validateLadder(ladder as unknown as EscalationLadder);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toContain(message);
  });

  it('accepts a ladder that skips levels and repeats an offset', () => {
    expect(validateLadder({ steps: [step('urge', 0), step('bulletin', 0), step('talk', 15)] })).toEqual({ ok: true });
  });
});

describe('an assignment issued after its deadline (a plan published late)', () => {
  // Due 2025-06-30, published Thursday 2025-10-09 (the first working day after the golden week), 15:00.
  const late = { startDate: '2025-10-09', dueDate: '2025-06-30', dueAt: defaultDueAt('2025-06-30') };
  const publishedAt = shanghaiInstant('2025-10-09', '15:00');

  it('is recognised as issued overdue; one issued before its deadline is not', () => {
    expect(issuedOverdue(late)).toBe(true);
    expect(issuedOverdue({ ...late, startDate: '2025-06-30' })).toBe(false);
    // Due the day before it was issued: overdue from the moment it exists, the same entry either way.
    expect(issuedOverdue({ ...late, startDate: '2025-07-01' })).toBe(false);
  });

  it('without the entry rule every level would be stamped at once (the bug this rule fixes)', () => {
    expect(dueEscalations(DEFAULT_ESCALATION_LADDER, late, publishedAt, []).map((s) => s.level)).toEqual(['urge', 'supervise', 'bulletin', 'talk']);
  });

  it('enters the ladder at its first step only, on the day it is issued', () => {
    const entry = ladderEntry(late);
    expect(entry).toEqual({ dueDate: '2025-06-30', dueAt: shanghaiInstant('2025-10-09') });
    expect(dueEscalations(DEFAULT_ESCALATION_LADDER, entry, publishedAt, []).map((s) => s.level)).toEqual(['urge']);
  });

  it('then climbs on the normal cadence, counting working days from the day it was issued', () => {
    const entry = ladderEntry(late);
    expect(escalationSchedule(DEFAULT_ESCALATION_LADDER, entry).map((s) => [s.level, s.date])).toEqual([
      ['urge', '2025-10-09'],
      ['supervise', '2025-10-15'], // Sat 11 is a working day: 10, 11, 13, 14, 15
      ['bulletin', '2025-10-22'],
      ['talk', '2025-11-05'],
    ]);
    expect(nextEscalationAt(DEFAULT_ESCALATION_LADDER, entry, ['urge'])).toMatchObject({ level: 'supervise', at: shanghaiInstant('2025-10-15', '09:00') });
    expect(dueEscalations(DEFAULT_ESCALATION_LADDER, entry, shanghaiInstant('2025-10-16'), ['urge']).map((s) => s.level)).toEqual(['supervise']);
  });

  it('published on a holiday, it enters on the next working day', () => {
    const entry = ladderEntry({ ...late, startDate: '2025-10-03' });
    expect(escalationSchedule(DEFAULT_ESCALATION_LADDER, entry)[0]).toMatchObject({ level: 'urge', date: '2025-10-09' });
    expect(dueEscalations(DEFAULT_ESCALATION_LADDER, entry, shanghaiInstant('2025-10-05', '12:00'), [])).toEqual([]);
  });

  it('leaves an assignment issued before its deadline, or extended past it, on its own deadline', () => {
    const onTime = { startDate: '2025-03-01', dueDate: '2025-09-30', dueAt: defaultDueAt('2025-09-30') };
    expect(ladderEntry(onTime)).toEqual({ dueDate: '2025-09-30', dueAt: defaultDueAt('2025-09-30') });
    const extended = { ...late, dueDate: '2025-12-31', dueAt: defaultDueAt('2025-12-31') };
    expect(ladderEntry(extended).dueAt).toBe(defaultDueAt('2025-12-31'));
  });

  it('keeps millisecond test ladders (their deadline is after issue) on their deadline', () => {
    const fastDue = { startDate: '2025-10-09', dueDate: '2025-10-09', dueAt: shanghaiInstant('2025-10-09', '15:00') + 5_000 };
    expect(ladderEntry(fastDue).dueAt).toBe(fastDue.dueAt);
  });
});
