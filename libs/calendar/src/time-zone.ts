/**
 * Asia/Shanghai is UTC+8 all year (China has had no daylight saving time since 1991), so conversions are
 * a fixed offset — no Intl/tz database needed, which keeps this safe in the workflow sandbox.
 */
import { addCalendarDays, parseBusinessDate, formatBusinessDate, type BusinessDate } from './business-date';

export const SHANGHAI_UTC_OFFSET_MS = 8 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** A clock time 'HH:mm', 'HH:mm:ss' or 'HH:mm:ss.SSS' ('24:00' = start of the next day). */
export type ClockTime = string;

/** End of the business day (下班) used for "by the end of the working day" deadlines. */
export const END_OF_BUSINESS_DAY: ClockTime = '18:00';
/** Start of the business day, used when notifications should go out in office hours. */
export const START_OF_BUSINESS_DAY: ClockTime = '09:00';
export const END_OF_DAY: ClockTime = '23:59:59.999';

const CLOCK_TIME_PATTERN = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?$/;

function clockTimeToMs(time: ClockTime): number {
  const match = CLOCK_TIME_PATTERN.exec(time);
  if (!match) throw new RangeError(`Invalid clock time '${time}', expected HH:mm[:ss[.SSS]]`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  const seconds = Number(match[3] ?? 0);
  const millis = Number(match[4] ?? 0);
  const valid = minutes < 60 && seconds < 60 && (hours < 24 || (hours === 24 && minutes === 0 && seconds === 0 && millis === 0));
  if (!valid) throw new RangeError(`Invalid clock time '${time}'`);
  return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
}

function toEpochMs(instant: number | Date): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid instant ${String(instant)}`);
  return ms;
}

/** The Asia/Shanghai calendar date of an instant (epoch ms or Date). */
export function shanghaiDateOf(instant: number | Date): BusinessDate {
  const shifted = new Date(toEpochMs(instant) + SHANGHAI_UTC_OFFSET_MS);
  return formatBusinessDate({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Epoch ms of a wall-clock time on a business date in Asia/Shanghai (default 00:00). */
export function shanghaiInstant(date: BusinessDate, time: ClockTime = '00:00'): number {
  const { year, month, day } = parseBusinessDate(date);
  return Date.UTC(year, month - 1, day) + clockTimeToMs(time) - SHANGHAI_UTC_OFFSET_MS;
}

/** 00:00 Asia/Shanghai on `date`. */
export function startOfShanghaiDay(date: BusinessDate): number {
  return shanghaiInstant(date, '00:00');
}

/** 23:59:59.999 Asia/Shanghai on `date` — the last instant a same-day deadline is still met. */
export function endOfShanghaiDay(date: BusinessDate): number {
  return shanghaiInstant(date, END_OF_DAY);
}

/** 18:00 Asia/Shanghai on `date`. */
export function endOfBusinessDay(date: BusinessDate): number {
  return shanghaiInstant(date, END_OF_BUSINESS_DAY);
}

/** The first instant after `date` is over (00:00 of the next day), i.e. when a deadline on `date` is missed. */
export function instantAfterDay(date: BusinessDate): number {
  return startOfShanghaiDay(addCalendarDays(date, 1));
}

/** Whole calendar days from one instant's Shanghai date to another's (signed). */
export function shanghaiDaysBetween(fromInstant: number | Date, toInstant: number | Date): number {
  const fromDay = Math.floor((toEpochMs(fromInstant) + SHANGHAI_UTC_OFFSET_MS) / MS_PER_DAY);
  const toDay = Math.floor((toEpochMs(toInstant) + SHANGHAI_UTC_OFFSET_MS) / MS_PER_DAY);
  return toDay - fromDay;
}

/**
 * shanghaiDateOf in SQL for an epoch-ms expression: the same fixed +8 h offset (not the time zone database), so
 * SQL and TypeScript agree on every instant.
 */
export function shanghaiDateOfMsSql(epochMsSql: string): string {
  return `(DATE '1970-01-01' + floor(((${epochMsSql}) + ${SHANGHAI_UTC_OFFSET_MS}) / ${MS_PER_DAY})::int)`;
}
