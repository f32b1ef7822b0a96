/**
 * The working-day calendar as a table, so set-based SQL (a bulletin's snapshot of 100,000 assignments) counts
 * working days exactly as workingDaysBetween does. The rows are generated here, from dayInfo itself — official
 * holidays and 调休 make-up days from chinese-days, plain Monday–Friday for years without published data — so
 * the rule has one source: the table is its output over a fixed range, and SQL only subtracts two numbers.
 *
 * workday_seq(d) = the working days in [first day, d]; workingDaysBetween(from, to) = seq(to) − seq(from),
 * the half-open (from, to] count with its sign, exactly as working-days.ts defines it. A date outside the range
 * has no row: SQL that needs it must say so (its rows are then judged in TypeScript).
 */
import { addCalendarDays, calendarDaysBetween, type BusinessDate } from './business-date';
import { YEARS_WITH_OFFICIAL_DATA } from './holiday-data';
import { dayInfo } from './working-days';

export const WORKING_CALENDAR_TABLE = 'working_calendar_days';
/** The range the table covers: every plan date in practice, with room for the package to add years. */
export const WORKING_CALENDAR_FIRST_DAY: BusinessDate = '2000-01-01';
export const WORKING_CALENDAR_LAST_DAY: BusinessDate = '2100-12-31';

export interface WorkingCalendarDay {
  readonly day: BusinessDate;
  readonly workday: boolean;
  /** False for a year without published data (Monday–Friday assumed). */
  readonly official: boolean;
  readonly workdaySeq: number;
}

/** Every day of the table's range, in order, with its running working-day count. */
export function workingCalendarDays(first: BusinessDate = WORKING_CALENDAR_FIRST_DAY, last: BusinessDate = WORKING_CALENDAR_LAST_DAY): WorkingCalendarDay[] {
  const days: WorkingCalendarDay[] = [];
  let seq = 0;
  const span = calendarDaysBetween(first, last);
  for (let offset = 0; offset <= span; offset++) {
    const info = dayInfo(addCalendarDays(first, offset));
    if (info.workday) seq++;
    days.push({ day: info.date, workday: info.workday, official: info.official, workdaySeq: seq });
  }
  return days;
}

let fingerprint: string | undefined;

/**
 * A fingerprint of the table's content (range, years with data, every day's kind): when chinese-days publishes a
 * new year, the fingerprint changes and the seeding step rewrites the table. FNV-1a, no Node built-ins (this
 * library also runs in the workflow sandbox).
 */
export function workingCalendarFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let index = 0; index < text.length; index++) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  feed(`${WORKING_CALENDAR_FIRST_DAY}..${WORKING_CALENDAR_LAST_DAY}|${YEARS_WITH_OFFICIAL_DATA.join(',')}|`);
  for (const day of workingCalendarDays()) feed(day.workday ? (day.official ? 'W' : 'w') : day.official ? 'R' : 'r');
  fingerprint = `${WORKING_CALENDAR_FIRST_DAY}..${WORKING_CALENDAR_LAST_DAY}:${YEARS_WITH_OFFICIAL_DATA[0] ?? ''}-${YEARS_WITH_OFFICIAL_DATA.at(-1) ?? ''}:${hash.toString(16).padStart(8, '0')}`;
  return fingerprint;
}

const SQL_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** `LEFT JOIN` of the calendar row of `dateSql` as `alias` (alias.workday_seq is NULL outside the range). */
export function workingCalendarJoinSql(alias: string, dateSql: string): string {
  if (!SQL_IDENTIFIER.test(alias)) throw new RangeError(`not a SQL alias: ${alias}`);
  return `LEFT JOIN ${WORKING_CALENDAR_TABLE} ${alias} ON ${alias}.day = (${dateSql})`;
}

/** The working-day sequence number of one date as a scalar subquery (for a constant such as a cut-off date). */
export function workdaySeqSql(dateSql: string): string {
  return `(SELECT workday_seq FROM ${WORKING_CALENDAR_TABLE} WHERE day = (${dateSql}))`;
}

/** workingDaysBetween(from, to) in SQL, from the two dates' sequence numbers: the (from, to] count, signed. */
export function workingDaysBetweenSql(fromSeqSql: string, toSeqSql: string): string {
  return `((${toSeqSql}) - (${fromSeqSql}))`;
}
