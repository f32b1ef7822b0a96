import type { BusinessDate } from '@duban/calendar';
import type { TargetProgress } from '../targets/target-actuals';

/**
 * Progress shown against an assignment's numeric targets (分解目标) at a date.
 *
 * Decided rule (issue #9):
 * - The year judged is the year of `asOf` when the assignment has a target in it; after its last target year,
 *   that last year (the final target is what is owed); before its first, none (nothing is due yet, so the
 *   reported percent is judged instead).
 * - Each target of that year counts min(1, actual / target); a target with no actual reported counts 0.
 * - The assignment's progress is the WORST of them (min), not the mean: an assignment is on pace only when every
 *   metric is — a mean would let one metric far ahead hide another not started, which is exactly what a
 *   supervisor must see. Targets with a value ≤ 0 (no share can be taken of them) are left out.
 * - When no target of that year has an actual yet, there is no target progress (null): the unit has not
 *   reported against its targets, and its reported percent is judged instead.
 * - The 序时进度 it is compared with is the share of that year elapsed (clipped to the assignment's period):
 *   an annual target is owed over its year, not over a multi-year assignment.
 */
export interface TargetPace {
  readonly year: number;
  /** Worst actual / target across the year's targets, in percent (0..100), rounded to 0.1. */
  readonly progressPercent: number;
  /** The window the 序时进度 is measured over: the year clipped to the assignment's period. */
  readonly startDate: BusinessDate;
  readonly dueDate: BusinessDate;
  /** Whether the year judged is the assignment's last target year (reaching it completes the targets). */
  readonly finalYear: boolean;
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The year whose targets are judged at `asOf` (see TargetPace), or null when every target lies ahead. */
export function targetYearAt(targets: readonly Pick<TargetProgress, 'year' | 'target'>[], asOf: BusinessDate): number | null {
  const asOfYear = Number(asOf.slice(0, 4));
  const years = targets.filter((target) => target.target > 0).map((target) => target.year);
  const past = years.filter((year) => year <= asOfYear);
  return past.length === 0 ? null : Math.max(...past);
}

/** Target progress at `asOf` for an assignment running `startDate`..`dueDate`, or null (judge the reported percent). */
export function targetPaceAt(targets: readonly TargetProgress[], period: { startDate: BusinessDate; dueDate: BusinessDate }, asOf: BusinessDate): TargetPace | null {
  const year = targetYearAt(targets, asOf);
  if (year === null) return null;
  const judged = targets.filter((target) => target.year === year && target.target > 0);
  if (!judged.some((target) => target.actual !== undefined)) return null;
  const worst = Math.min(...judged.map((target) => Math.min(1, Math.max(0, target.actual ?? 0) / target.target)));
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const startDate = period.startDate > yearStart ? period.startDate : yearStart;
  const dueDate = period.dueDate < yearEnd ? period.dueDate : yearEnd;
  const lastYear = Math.max(...targets.filter((target) => target.target > 0).map((target) => target.year));
  return { year, progressPercent: roundToTenth(worst * 100), startDate, dueDate: dueDate < startDate ? startDate : dueDate, finalYear: year === lastYear };
}
