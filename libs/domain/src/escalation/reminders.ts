import {
  addWorkingDays,
  compareBusinessDates,
  shanghaiDateOf,
  type BusinessDate,
} from '@duban/calendar';
import type { AssignmentState } from '../assignment/assignment-state';
import {
  DEFAULT_REPORT_CADENCE,
  nextRecurrenceDueDate,
  nextReportDueDate,
  parseRecurrence,
  type ReportCadence,
} from './report-cadence';

export interface ReminderSettings {
  /** Remind an unaccepted assignment this many working days after issue. */
  readonly acceptanceReminderWorkingDays: readonly number[];
  readonly reportCadence: ReportCadence;
  /** Remind this many working days before a progress report falls due. */
  readonly reportReminderWorkingDaysBefore: number;
  /** Warn this many working days before the due date. */
  readonly dueSoonWarningWorkingDays: readonly number[];
  /** Remind this many working days before a recurring duty's occurrence. */
  readonly recurringReminderWorkingDaysBefore: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  acceptanceReminderWorkingDays: [1, 3],
  reportCadence: DEFAULT_REPORT_CADENCE,
  reportReminderWorkingDaysBefore: 3,
  dueSoonWarningWorkingDays: [10, 5, 1],
  recurringReminderWorkingDaysBefore: 10,
};

/** A recurring duty attached to an assignment (from plan-json `recurring`). */
export interface RecurringObligation {
  readonly every: string;
  readonly text: string;
}

export type Reminder =
  | { readonly kind: 'acceptance'; readonly date: BusinessDate; readonly workingDaysSinceIssue: number }
  | { readonly kind: 'progress_report'; readonly date: BusinessDate; readonly reportDueDate: BusinessDate }
  | { readonly kind: 'due_soon'; readonly date: BusinessDate; readonly dueDate: BusinessDate; readonly workingDaysBefore: number }
  | { readonly kind: 'recurring_duty'; readonly date: BusinessDate; readonly occurrenceDate: BusinessDate; readonly text: string };

export type ReminderKind = Reminder['kind'];

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  acceptance: '签收提醒',
  progress_report: '进展反馈提醒',
  due_soon: '到期预警',
  recurring_duty: '常态化任务提醒',
};

export type ReminderInput = Pick<AssignmentState, 'status' | 'startDate' | 'dueDate' | 'acceptedAt' | 'lastReport'>;

export interface ReminderOptions {
  readonly settings?: Partial<ReminderSettings>;
  readonly recurring?: readonly RecurringObligation[];
  /** Anchor for recurring duties (plan start); defaults to the assignment's start date. */
  readonly recurrenceAnchor?: BusinessDate;
}

const KIND_ORDER: readonly ReminderKind[] = ['due_soon', 'acceptance', 'progress_report', 'recurring_duty'];

/**
 * All reminders the assignment's current state calls for that fall strictly after `after`
 * (the last date the workflow already handled), earliest first (same date: due_soon, acceptance,
 * progress_report, recurring_duty). Recompute after every state change.
 */
export function upcomingReminders(state: ReminderInput, after: BusinessDate, options: ReminderOptions = {}): Reminder[] {
  const settings: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...options.settings };
  const open = state.status === 'pending_acceptance' || state.status === 'in_progress';
  if (!open) return [];
  const reminders: Reminder[] = [];

  for (const workingDaysBefore of settings.dueSoonWarningWorkingDays) {
    reminders.push({
      kind: 'due_soon',
      date: addWorkingDays(state.dueDate, -workingDaysBefore),
      dueDate: state.dueDate,
      workingDaysBefore,
    });
  }

  if (state.status === 'pending_acceptance') {
    for (const workingDaysSinceIssue of settings.acceptanceReminderWorkingDays) {
      reminders.push({ kind: 'acceptance', date: addWorkingDays(state.startDate, workingDaysSinceIssue), workingDaysSinceIssue });
    }
  } else {
    const anchor = state.lastReport
      ? shanghaiDateOf(state.lastReport.at)
      : state.acceptedAt !== null
        ? shanghaiDateOf(state.acceptedAt)
        : state.startDate;
    const reportDueDate = nextReportDueDate(anchor, settings.reportCadence);
    // No report reminders for a report that would fall after the assignment's own deadline.
    if (compareBusinessDates(reportDueDate, state.dueDate) < 0) {
      reminders.push({
        kind: 'progress_report',
        date: addWorkingDays(reportDueDate, -settings.reportReminderWorkingDaysBefore),
        reportDueDate,
      });
    }
    for (const obligation of options.recurring ?? []) {
      const recurrence = parseRecurrence(obligation.every);
      if (recurrence === null) continue;
      const recurrenceAnchor = options.recurrenceAnchor ?? state.startDate;
      const remindDate = (occurrence: BusinessDate) =>
        addWorkingDays(occurrence, -settings.recurringReminderWorkingDaysBefore);
      // The first occurrence whose reminder is still ahead (earlier ones were handled already).
      let occurrenceDate = nextRecurrenceDueDate(recurrence, recurrenceAnchor, after);
      if (compareBusinessDates(remindDate(occurrenceDate), after) <= 0) {
        occurrenceDate = nextRecurrenceDueDate(recurrence, recurrenceAnchor, occurrenceDate);
      }
      if (compareBusinessDates(occurrenceDate, state.dueDate) > 0) continue;
      reminders.push({
        kind: 'recurring_duty',
        date: remindDate(occurrenceDate),
        occurrenceDate,
        text: obligation.text,
      });
    }
  }

  return reminders
    .filter((reminder) => compareBusinessDates(reminder.date, after) > 0)
    .sort((a, b) => compareBusinessDates(a.date, b.date) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** The earliest upcoming reminder, or null. */
export function nextReminder(state: ReminderInput, after: BusinessDate, options: ReminderOptions = {}): Reminder | null {
  return upcomingReminders(state, after, options)[0] ?? null;
}
