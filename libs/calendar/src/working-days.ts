/**
 * Working days on the China calendar: Monday–Friday, minus public holidays, plus 调休 make-up
 * weekend workdays. Years without published data fall back to plain Monday–Friday and every result
 * that depended on such a year says so (`provisional: true`).
 */
import { addCalendarDays, calendarDaysBetween, isWeekend, parseBusinessDate, type BusinessDate } from './business-date';
import { hasOfficialData, officialDayOf } from './holiday-data';

/** Guard against runaway loops from a corrupt input; ~400 years of working days. */
const MAX_WORKING_DAY_STEPS = 100_000;

export interface DayInfo {
  readonly date: BusinessDate;
  readonly workday: boolean;
  /** 'public_holiday' | 'makeup_workday' from official data, else 'weekday' | 'weekend'. */
  readonly kind: 'public_holiday' | 'makeup_workday' | 'weekday' | 'weekend';
  /** Festival name (e.g. 春节) for official days, null otherwise. */
  readonly festival: string | null;
  /** False when the year has no published data and Monday–Friday was assumed. */
  readonly official: boolean;
}

export function dayInfo(date: BusinessDate): DayInfo {
  // Pure, and asked for the same few thousand dates over and over (every timer, light and review): memoised.
  const known = DAY_MEMO.get(date);
  if (known) return known;
  const info = computeDayInfo(date);
  if (DAY_MEMO.size >= 20_000) DAY_MEMO.clear();
  DAY_MEMO.set(date, info);
  return info;
}

const DAY_MEMO = new Map<BusinessDate, DayInfo>();

function computeDayInfo(date: BusinessDate): DayInfo {
  const { year } = parseBusinessDate(date);
  const official = hasOfficialData(year);
  const arrangement = official ? officialDayOf(date) : undefined;
  if (arrangement) {
    return {
      date,
      workday: arrangement.kind === 'makeup_workday',
      kind: arrangement.kind,
      festival: arrangement.festival,
      official,
    };
  }
  const weekend = isWeekend(date);
  return { date, workday: !weekend, kind: weekend ? 'weekend' : 'weekday', festival: null, official };
}

export function isWorkday(date: BusinessDate): boolean {
  return dayInfo(date).workday;
}

/** A rest day: a weekend that is not a make-up workday, or a public holiday. */
export function isHoliday(date: BusinessDate): boolean {
  return !dayInfo(date).workday;
}

/** A rest day that is an official public holiday (not merely a weekend). */
export function isPublicHoliday(date: BusinessDate): boolean {
  return dayInfo(date).kind === 'public_holiday';
}

/** A weekend day that is a working day (调休 补班). */
export function isMakeupWorkday(date: BusinessDate): boolean {
  return dayInfo(date).kind === 'makeup_workday';
}

export interface WorkingDayResult {
  readonly date: BusinessDate;
  /** True when any day examined lies in a year without official data (Mon–Fri assumed). */
  readonly provisional: boolean;
}

export interface WorkingDayCount {
  readonly days: number;
  readonly provisional: boolean;
}

function stepToWorkday(date: BusinessDate, direction: 1 | -1): WorkingDayResult {
  let current = date;
  let provisional = false;
  for (let step = 0; step < MAX_WORKING_DAY_STEPS; step++) {
    current = addCalendarDays(current, direction);
    const info = dayInfo(current);
    if (!info.official) provisional = true;
    if (info.workday) return { date: current, provisional };
  }
  throw new RangeError(`No working day found within ${MAX_WORKING_DAY_STEPS} days of ${date}`);
}

/** The first working day strictly after `date`. */
export function nextWorkday(date: BusinessDate): BusinessDate {
  return stepToWorkday(date, 1).date;
}

/** The last working day strictly before `date`. */
export function previousWorkday(date: BusinessDate): BusinessDate {
  return stepToWorkday(date, -1).date;
}

/** `date` itself when it is a working day, else the next working day. */
export function workdayOnOrAfter(date: BusinessDate): BusinessDate {
  return isWorkday(date) ? date : nextWorkday(date);
}

/**
 * Moves `n` working days from `date`:
 * - n > 0: the n-th working day strictly after `date` (Friday + 1 = Monday, holidays skipped);
 * - n < 0: the |n|-th working day strictly before `date`;
 * - n = 0: `date` itself if it is a working day, else the next working day (so a deadline
 *   "0 working days after" a Sunday lands on Monday).
 */
export function addWorkingDaysDetailed(date: BusinessDate, n: number): WorkingDayResult {
  const key = `${date}|${n}`;
  const known = ADD_MEMO.get(key);
  if (known) return known;
  const result = stepWorkingDays(date, n);
  if (ADD_MEMO.size >= MEMO_LIMIT) ADD_MEMO.clear();
  ADD_MEMO.set(key, result);
  return result;
}

function stepWorkingDays(date: BusinessDate, n: number): WorkingDayResult {
  if (!Number.isInteger(n)) throw new RangeError(`Working-day count must be an integer, got ${n}`);
  if (Math.abs(n) > MAX_WORKING_DAY_STEPS) throw new RangeError(`Working-day count ${n} is out of range`);
  const startInfo = dayInfo(date);
  if (n === 0) {
    if (startInfo.workday) return { date, provisional: !startInfo.official };
    const next = stepToWorkday(date, 1);
    return { date: next.date, provisional: next.provisional || !startInfo.official };
  }
  const direction = n > 0 ? 1 : -1;
  let current = date;
  let provisional = !startInfo.official;
  for (let remaining = Math.abs(n); remaining > 0; remaining--) {
    const step = stepToWorkday(current, direction);
    current = step.date;
    provisional = provisional || step.provisional;
  }
  return { date: current, provisional };
}

export function addWorkingDays(date: BusinessDate, n: number): BusinessDate {
  return addWorkingDaysDetailed(date, n).date;
}

/**
 * Signed count of working days between two dates, counting the half-open interval (from, to]:
 * - to > from: working days d with from < d ≤ to;
 * - to < from: minus the working days d with to < d ≤ from;
 * - to = from: 0.
 * So addWorkingDays(from, workingDaysBetween(from, to)) === to whenever `to` is a working day.
 */
export function workingDaysBetweenDetailed(from: BusinessDate, to: BusinessDate): WorkingDayCount {
  // Pure and called for every assignment of a review (often with the same dates): answered from a bounded memo.
  const key = `${from}|${to}`;
  const known = BETWEEN_MEMO.get(key);
  if (known) return known;
  if (BETWEEN_MEMO.size >= MEMO_LIMIT) BETWEEN_MEMO.clear();
  const counted = countWorkingDaysBetween(from, to);
  BETWEEN_MEMO.set(key, counted);
  return counted;
}

const MEMO_LIMIT = 50_000;
const BETWEEN_MEMO = new Map<string, WorkingDayCount>();
const ADD_MEMO = new Map<string, WorkingDayResult>();

function countWorkingDaysBetween(from: BusinessDate, to: BusinessDate): WorkingDayCount {
  const span = calendarDaysBetween(from, to);
  if (span === 0) return { days: 0, provisional: !dayInfo(from).official };
  const low = span > 0 ? from : to;
  const sign = span > 0 ? 1 : -1;
  let count = 0;
  let provisional = !dayInfo(low).official;
  for (let offset = 1; offset <= Math.abs(span); offset++) {
    const info = dayInfo(addCalendarDays(low, offset));
    if (!info.official) provisional = true;
    if (info.workday) count++;
  }
  return { days: sign * count, provisional };
}

export function workingDaysBetween(from: BusinessDate, to: BusinessDate): number {
  return workingDaysBetweenDetailed(from, to).days;
}

/** All working days d with from ≤ d ≤ to (inclusive on both ends), in order. */
export function workingDaysInRange(from: BusinessDate, to: BusinessDate): BusinessDate[] {
  const span = calendarDaysBetween(from, to);
  const days: BusinessDate[] = [];
  for (let offset = 0; offset <= span; offset++) {
    const date = addCalendarDays(from, offset);
    if (isWorkday(date)) days.push(date);
  }
  return days;
}
