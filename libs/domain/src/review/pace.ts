import { calendarDaysBetween, workingDaysBetween, type BusinessDate } from '@duban/calendar';

/** Calendar time (the usual reading of 序时进度) or working days. */
export type PaceBasis = 'calendar' | 'working';

/**
 * 序时进度: the share (0..1) of the period from `startDate` to `dueDate` elapsed at `asOf`.
 * 0 on or before the start, 1 on or after the due date; a period with due ≤ start is due at once.
 */
export function expectedProgressShare(
  startDate: BusinessDate,
  dueDate: BusinessDate,
  asOf: BusinessDate,
  basis: PaceBasis = 'calendar',
): number {
  const between = basis === 'calendar' ? calendarDaysBetween : workingDaysBetween;
  if (calendarDaysBetween(asOf, dueDate) <= 0) return 1;
  if (calendarDaysBetween(startDate, asOf) <= 0) return 0;
  const total = between(startDate, dueDate);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, between(startDate, asOf) / total));
}

export interface PaceAssessment {
  /** Expected percent (0..100), rounded to one decimal. */
  readonly expectedPercent: number;
  readonly reportedPercent: number;
  /** expected − reported, in percentage points (positive = behind). */
  readonly gap: number;
  readonly behind: boolean;
}

export interface PaceInput {
  readonly startDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly asOf: BusinessDate;
  readonly reportedPercent: number;
  /** Allowed lag in percentage points before counting as behind (default 10). */
  readonly tolerancePercent?: number;
  readonly basis?: PaceBasis;
}

export const DEFAULT_PACE_TOLERANCE_PERCENT = 10;

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Compares a reported percent with the 序时进度; behind when the lag exceeds the tolerance. */
export function assessPace(input: PaceInput): PaceAssessment {
  const expectedPercent = roundToTenth(
    expectedProgressShare(input.startDate, input.dueDate, input.asOf, input.basis ?? 'calendar') * 100,
  );
  const gap = roundToTenth(expectedPercent - input.reportedPercent);
  const tolerance = input.tolerancePercent ?? DEFAULT_PACE_TOLERANCE_PERCENT;
  return { expectedPercent, reportedPercent: input.reportedPercent, gap, behind: gap > tolerance };
}
