import { nextReminder, upcomingReminders } from './reminders';
import { at, freshState, stateIn } from '../testing/test-fixtures';

// Fixture: start Thursday 2025-01-02, due Monday 2025-06-30.
describe('upcomingReminders', () => {
  it('pending acceptance: acceptance reminders after 1 and 3 working days, plus due-soon warnings', () => {
    expect(upcomingReminders(freshState(), '2025-01-02')).toEqual([
      { kind: 'acceptance', date: '2025-01-03', workingDaysSinceIssue: 1 },
      { kind: 'acceptance', date: '2025-01-07', workingDaysSinceIssue: 3 },
      { kind: 'due_soon', date: '2025-06-16', dueDate: '2025-06-30', workingDaysBefore: 10 },
      { kind: 'due_soon', date: '2025-06-23', dueDate: '2025-06-30', workingDaysBefore: 5 },
      { kind: 'due_soon', date: '2025-06-27', dueDate: '2025-06-30', workingDaysBefore: 1 },
    ]);
  });

  it('only lists reminders strictly after the given date', () => {
    expect(nextReminder(freshState(), '2025-01-03')).toEqual({ kind: 'acceptance', date: '2025-01-07', workingDaysSinceIssue: 3 });
    expect(nextReminder(freshState(), '2025-06-27')).toBeNull();
  });

  it('in progress: a report reminder 3 working days before the next monthly report', () => {
    const state = stateIn('in_progress', { lastReport: { at: at('2025-03-10'), percent: 40, actualValue: null } });
    expect(nextReminder(state, '2025-03-10')).toEqual({ kind: 'progress_report', date: '2025-04-07', reportDueDate: '2025-04-10' });
  });

  it('counts the report cadence from acceptance when nothing was reported', () => {
    expect(nextReminder(stateIn('in_progress'), '2025-01-03', { settings: { reportCadence: 'weekly' } })).toEqual({
      kind: 'progress_report',
      date: '2025-01-07',
      reportDueDate: '2025-01-10',
    });
  });

  it('skips report reminders that would fall after the due date', () => {
    const state = stateIn('in_progress', { lastReport: { at: at('2025-06-10'), percent: 90, actualValue: null } });
    expect(upcomingReminders(state, '2025-06-10').map((reminder) => reminder.kind)).toEqual(['due_soon', 'due_soon', 'due_soon']);
  });

  it('uses custom due-soon schedules, on working days (skipping the golden week)', () => {
    const state = freshState({ dueDate: '2025-10-10' });
    expect(
      upcomingReminders(state, '2025-09-01', { settings: { dueSoonWarningWorkingDays: [3], acceptanceReminderWorkingDays: [] } }),
    ).toEqual([{ kind: 'due_soon', date: '2025-09-29', dueDate: '2025-10-10', workingDaysBefore: 3 }]);
  });

  it('adds recurring duties with a reminder 10 working days ahead, within the assignment period', () => {
    const state = stateIn('in_progress', { dueDate: '2026-12-31', lastReport: { at: at('2025-11-20'), percent: 50, actualValue: null } });
    const reminders = upcomingReminders(state, '2025-11-20', {
      recurring: [{ every: 'year', text: '每年培训不少于100人次' }],
      settings: { dueSoonWarningWorkingDays: [] },
    });
    expect(reminders).toContainEqual({ kind: 'recurring_duty', date: '2025-12-17', occurrenceDate: '2025-12-31', text: '每年培训不少于100人次' });
    // Once that reminder is handled, the next one is for the following year.
    const later = upcomingReminders(state, '2025-12-17', { recurring: [{ every: 'year', text: 't' }], settings: { dueSoonWarningWorkingDays: [] } });
    expect(later.find((reminder) => reminder.kind === 'recurring_duty')).toMatchObject({ occurrenceDate: '2026-12-31' });
  });

  it('ignores unparseable recurrences and occurrences after the due date', () => {
    const state = stateIn('in_progress', { lastReport: { at: at('2025-06-01'), percent: 90, actualValue: null } });
    const kinds = upcomingReminders(state, '2025-06-01', {
      recurring: [
        { every: 'fortnight', text: 'x' },
        { every: 'year', text: 'y' }, // 2025-12-31 is after the 06-30 due date
      ],
    }).map((reminder) => reminder.kind);
    expect(kinds).not.toContain('recurring_duty');
  });

  it.each(['closure_requested', 'closed', 'declined', 'reassigned', 'withdrawn'] as const)('no reminders when %s', (status) => {
    expect(upcomingReminders(stateIn(status), '2025-01-01')).toEqual([]);
  });
});
