/**
 * A business date: a calendar day in Asia/Shanghai written 'YYYY-MM-DD'.
 * All arithmetic goes through a "day number" (days since 1970-01-01) computed with Date.UTC,
 * which is pure and deterministic (no local time zone, no clock).
 */
export type BusinessDate = string;

const BUSINESS_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface DateParts {
  readonly year: number;
  readonly month: number; // 1..12
  readonly day: number; // 1..31
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidBusinessDate(value: unknown): value is BusinessDate {
  if (typeof value !== 'string') return false;
  const match = BUSINESS_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a business date; throws RangeError on anything but a real 'YYYY-MM-DD' day. */
export function parseBusinessDate(date: BusinessDate): DateParts {
  if (!isValidBusinessDate(date)) {
    throw new RangeError(`Invalid business date '${String(date)}', expected YYYY-MM-DD`);
  }
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function formatBusinessDate(parts: DateParts): BusinessDate {
  const yyyy = String(parts.year).padStart(4, '0');
  const mm = String(parts.month).padStart(2, '0');
  const dd = String(parts.day).padStart(2, '0');
  return `${yyyy}-${mm}-${dd}`;
}

/** Days since 1970-01-01 (can be negative). */
export function toDayNumber(date: BusinessDate): number {
  const { year, month, day } = parseBusinessDate(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): BusinessDate {
  const utc = new Date(dayNumber * MS_PER_DAY);
  return formatBusinessDate({ year: utc.getUTCFullYear(), month: utc.getUTCMonth() + 1, day: utc.getUTCDate() });
}

export function addCalendarDays(date: BusinessDate, days: number): BusinessDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of calendar days from `from` to `to` (to − from). */
export function calendarDaysBetween(from: BusinessDate, to: BusinessDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: BusinessDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function isWeekend(date: BusinessDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export function yearOf(date: BusinessDate): number {
  return parseBusinessDate(date).year;
}

/** Negative when a < b, 0 when equal, positive when a > b ('YYYY-MM-DD' sorts lexically). */
export function compareBusinessDates(a: BusinessDate, b: BusinessDate): number {
  parseBusinessDate(a);
  parseBusinessDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minBusinessDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return compareBusinessDates(a, b) <= 0 ? a : b;
}

export function maxBusinessDate(a: BusinessDate, b: BusinessDate): BusinessDate {
  return compareBusinessDates(a, b) >= 0 ? a : b;
}

/**
 * Adds calendar months, clamping the day to the target month's length
 * (2025-01-31 + 1 month = 2025-02-28).
 */
export function addCalendarMonths(date: BusinessDate, months: number): BusinessDate {
  const { year, month, day } = parseBusinessDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatBusinessDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}
