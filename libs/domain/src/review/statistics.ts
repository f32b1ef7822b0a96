import { addCalendarDays, calendarDaysBetween, type BusinessDate } from '@duban/calendar';
import type { UnitCounts } from './bulletin-summary';

/**
 * Statistics for the 驾驶舱: the same standings as a bulletin (assignmentStanding, BulletinSummaryBuilder),
 * judged at a date instead of frozen; here only what is particular to the dashboard.
 */

/** The dashboard's 滞后单位 list shows at most this many units. */
export const DEFAULT_LAGGING_UNITS_LIMIT = 10;

export interface LaggingUnit {
  readonly unitId: string;
  readonly unitName: string;
  readonly total: number;
  readonly lagging: number;
  readonly overdue: number;
  readonly red: number;
  /** lagging / total in percent, rounded to 0.1. */
  readonly laggingShare: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * 最滞后的单位: units with at least one lagging item, most lagging items first, then most overdue, then most
 * red, then name. Counts, not shares, lead: a supervisor chases the unit with the most work behind.
 */
export function mostLaggingUnits(units: readonly UnitCounts[], limit = DEFAULT_LAGGING_UNITS_LIMIT): LaggingUnit[] {
  return units
    .filter((unit) => unit.lagging > 0)
    .map((unit) => ({
      unitId: unit.unitId,
      unitName: unit.unitName,
      total: unit.total,
      lagging: unit.lagging,
      overdue: unit.overdue,
      red: unit.byLight.red,
      laggingShare: unit.total === 0 ? 0 : Math.round((unit.lagging / unit.total) * 1000) / 10,
    }))
    .sort((a, b) => b.lagging - a.lagging || b.overdue - a.overdue || b.red - a.red || compareText(a.unitName, b.unitName) || compareText(a.unitId, b.unitId))
    .slice(0, Math.max(0, limit));
}

/** One recorded day of one plan (statistics_daily). */
export interface DailyCounts {
  readonly day: BusinessDate;
  readonly total: number;
  readonly overdue: number;
  readonly lagging: number;
  readonly red: number;
}

export interface TrendPoint {
  readonly day: BusinessDate;
  /** Null on a day nothing was recorded (a gap is shown as a gap, never as zero). */
  readonly total: number | null;
  readonly overdue: number | null;
  readonly lagging: number | null;
  readonly red: number | null;
  /** overdue / total in percent, rounded to 0.1; null without a record or without assignments. */
  readonly overdueShare: number | null;
}

/** The longest trend the dashboard asks for (days). */
export const MAX_TREND_DAYS = 366;

/**
 * The overdue trend from `from` to `to` (inclusive), one point per day: the recorded days of every plan summed,
 * days without any record left empty.
 */
export function overdueTrend(records: readonly DailyCounts[], from: BusinessDate, to: BusinessDate): TrendPoint[] {
  const days = calendarDaysBetween(from, to);
  if (days < 0) return [];
  if (days >= MAX_TREND_DAYS) throw new RangeError(`trend longer than ${MAX_TREND_DAYS} days`);
  const sums = new Map<string, { total: number; overdue: number; lagging: number; red: number }>();
  for (const record of records) {
    const sum = sums.get(record.day) ?? { total: 0, overdue: 0, lagging: 0, red: 0 };
    sum.total += record.total;
    sum.overdue += record.overdue;
    sum.lagging += record.lagging;
    sum.red += record.red;
    sums.set(record.day, sum);
  }
  const points: TrendPoint[] = [];
  for (let offset = 0; offset <= days; offset++) {
    const day = addCalendarDays(from, offset);
    const sum = sums.get(day);
    points.push(
      sum
        ? { day, ...sum, overdueShare: sum.total === 0 ? null : Math.round((sum.overdue / sum.total) * 1000) / 10 }
        : { day, total: null, overdue: null, lagging: null, red: null, overdueShare: null },
    );
  }
  return points;
}
