import {
  addCalendarDays,
  addCalendarMonths,
  compareBusinessDates,
  dayOfWeek,
  endOfHalfYear,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  type BusinessDate,
} from '@duban/calendar';

/** How often a unit must report progress (per plan; default monthly). */
export type ReportCadence = 'weekly' | 'monthly' | 'quarterly';

export const DEFAULT_REPORT_CADENCE: ReportCadence = 'monthly';

export const REPORT_CADENCE_LABELS: Readonly<Record<ReportCadence, string>> = {
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
};

/**
 * The date by which the next report is due, counted from the last report (or acceptance):
 * weekly +7 days, monthly +1 month, quarterly +3 months. A report on that date is on time.
 */
export function nextReportDueDate(lastReportDate: BusinessDate, cadence: ReportCadence): BusinessDate {
  switch (cadence) {
    case 'weekly':
      return addCalendarDays(lastReportDate, 7);
    case 'monthly':
      return addCalendarMonths(lastReportDate, 1);
    case 'quarterly':
      return addCalendarMonths(lastReportDate, 3);
  }
}

/** A recurring duty from the plan ("每年…", "每2年…"), as `every` in plan-json: "year", "2 years", "month", "week"… */
export interface Recurrence {
  readonly unit: 'day' | 'week' | 'month' | 'quarter' | 'half_year' | 'year';
  readonly count: number;
}

const RECURRENCE_PATTERN = /^\s*(\d+)?\s*(day|week|month|quarter|half[-_ ]?year|year)s?\s*$/i;

/** Parses plan-json `every` values; null when not understood (the caller should warn, not guess). */
export function parseRecurrence(every: string): Recurrence | null {
  const match = RECURRENCE_PATTERN.exec(every);
  if (!match) return null;
  const count = match[1] === undefined ? 1 : Number(match[1]);
  if (!Number.isInteger(count) || count < 1) return null;
  const rawUnit = (match[2] as string).toLowerCase();
  const unit = rawUnit.startsWith('half') ? 'half_year' : (rawUnit as Recurrence['unit']);
  return { unit, count };
}

/**
 * The next due date of a recurring duty strictly after `after`. Occurrences end periods aligned to the
 * calendar, counted from `anchor` (usually the plan's first day): every year → each 12-31; every 2 years →
 * 12-31 of anchor year + 1, + 3, …; month → month ends; quarter/half year → their ends; week → Sundays
 * 7·count days apart from the first Sunday on/after the anchor; day → daily.
 */
export function nextRecurrenceDueDate(recurrence: Recurrence, anchor: BusinessDate, after: BusinessDate): BusinessDate {
  const { unit, count } = recurrence;
  const monthsPerUnit = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;
  if (unit === 'day') {
    const first = addCalendarDays(anchor, count - 1);
    return firstOccurrenceAfter(first, after, (date) => addCalendarDays(date, count));
  }
  if (unit === 'week') {
    const firstSunday = addCalendarDays(anchor, (7 - dayOfWeek(anchor)) % 7);
    const first = addCalendarDays(firstSunday, 7 * (count - 1));
    return firstOccurrenceAfter(first, after, (date) => addCalendarDays(date, 7 * count));
  }
  const stepMonths = monthsPerUnit[unit] * count;
  const periodEnd = { month: endOfMonth, quarter: endOfQuarter, half_year: endOfHalfYear, year: endOfYear }[unit];
  const first = periodEnd(addCalendarMonths(anchor, stepMonths - monthsPerUnit[unit]));
  return firstOccurrenceAfter(first, after, (date) => endOfMonth(addCalendarMonths(date, stepMonths)));
}

function firstOccurrenceAfter(
  first: BusinessDate,
  after: BusinessDate,
  next: (date: BusinessDate) => BusinessDate,
): BusinessDate {
  let occurrence = first;
  // Bounded: occurrences advance at least a day each step.
  for (let guard = 0; guard < 100_000 && compareBusinessDates(occurrence, after) <= 0; guard++) {
    occurrence = next(occurrence);
  }
  return occurrence;
}
