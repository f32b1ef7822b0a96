/**
 * Official China holiday arrangements (法定节假日 and 调休 make-up workdays), from the `chinese-days` package.
 *
 * We import the package's published JSON data file, not its functions: the JSON is plain data (no Node
 * built-ins, bundles into the Temporal workflow sandbox), and the package's functions read dates with
 * local-time getters, which would make results depend on the process time zone.
 * Each value reads "English name,中文名,n", e.g. "National Day,国庆节,3".
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';
import type { BusinessDate } from './business-date';

interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
  readonly inLieuDays: Readonly<Record<string, string>>;
}

const data: ChineseDaysData = chineseDaysData;

/** Years the package has published arrangements for (e.g. 2004–2026 in chinese-days 1.5.7). */
export const YEARS_WITH_OFFICIAL_DATA: readonly number[] = [
  ...new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4)))),
].sort((a, b) => a - b);

const officialYears = new Set(YEARS_WITH_OFFICIAL_DATA);

export function hasOfficialData(year: number): boolean {
  return officialYears.has(year);
}

export type OfficialDayKind = 'public_holiday' | 'makeup_workday';

export interface OfficialDay {
  readonly kind: OfficialDayKind;
  /** Chinese name of the festival the arrangement belongs to, e.g. 国庆节. */
  readonly festival: string;
  /** True for a holiday day that is "paid back" by a make-up workday (调休). */
  readonly inLieu: boolean;
}

function festivalName(raw: string): string {
  const parts = raw.split(',');
  return parts[1] ?? parts[0] ?? raw;
}

/** The official arrangement for a date, or undefined for an ordinary weekday/weekend. */
export function officialDayOf(date: BusinessDate): OfficialDay | undefined {
  const makeup = data.workdays[date];
  if (makeup !== undefined) return { kind: 'makeup_workday', festival: festivalName(makeup), inLieu: false };
  const holiday = data.holidays[date];
  if (holiday !== undefined) {
    return { kind: 'public_holiday', festival: festivalName(holiday), inLieu: data.inLieuDays[date] !== undefined };
  }
  return undefined;
}
