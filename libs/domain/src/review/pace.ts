import { calendarDaysBetween, workingDaysBetween, type BusinessDate } from '@duban/calendar';
import type { TargetProgress } from '../targets/target-actuals';
import { targetPaceAt } from './target-pace';

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

/** 序时进度 classes of an assignment at a date. */
export const PACE_CLASSES = ['completed', 'ahead', 'on_pace', 'behind', 'not_started'] as const;
export type PaceClass = (typeof PACE_CLASSES)[number];

export const PACE_LABELS: Readonly<Record<PaceClass, string>> = {
  completed: '已完成',
  ahead: '超进度',
  on_pace: '达进度',
  behind: '欠进度',
  not_started: '未启动',
};

export function paceLabel(pace: PaceClass): string {
  return PACE_LABELS[pace];
}

/** Per-plan thresholds (percentage points against the 序时进度). */
export interface PaceThresholds {
  /** Progress this many points or more above the expected share is 超进度. */
  readonly aheadMarginPercent: number;
  /** Progress more than this many points below the expected share is 欠进度. */
  readonly behindTolerancePercent: number;
  readonly basis: PaceBasis;
}

export const DEFAULT_PACE_THRESHOLDS: PaceThresholds = {
  aheadMarginPercent: 10,
  behindTolerancePercent: DEFAULT_PACE_TOLERANCE_PERCENT,
  basis: 'calendar',
};

export interface PaceClassInput {
  /** Assignment status; statuses that owe nothing any more (withdrawn, reassigned, declined) have no pace. */
  readonly status: string;
  readonly startDate: BusinessDate;
  readonly dueDate: BusinessDate;
  readonly asOf: BusinessDate;
  /** The last reported percent (0..100), null when nothing was reported. */
  readonly reportedPercent: number | null;
  /** Actual and target of a numeric target: when both are known, progress is actual / target. */
  readonly actual?: number | null;
  readonly target?: number | null;
  /**
   * The assignment's numeric targets with their latest actuals (targetsWithActuals): when the year judged has
   * actuals, progress is the worst actual / target of that year against that year's 序时进度 (target-pace.ts).
   */
  readonly targets?: readonly TargetProgress[] | null;
}

export interface PaceClassification {
  readonly pace: PaceClass;
  readonly expectedPercent: number;
  /** The progress judged (percent), null when nothing was reported. */
  readonly progressPercent: number | null;
  /** What the progress was read from: per-target actuals, one actual / target, or the reported percent. */
  readonly basis?: 'targets' | 'actual' | 'percent';
}

/** The progress an assignment has shown: actual/target of its numeric target when both are known, else the reported percent. */
export function progressPercentOf(input: Pick<PaceClassInput, 'reportedPercent' | 'actual' | 'target'>): number | null {
  if (input.actual != null && input.target != null && input.target > 0) return roundToTenth(Math.min(100, (input.actual / input.target) * 100));
  return input.reportedPercent;
}

/**
 * The 序时进度 class at `asOf`: closed or closure requested (or 100 %) is 已完成; nothing reported is 未启动;
 * otherwise progress against the elapsed share of the period, with the plan's thresholds.
 * Progress is read, in this order, from the per-target actuals of the year judged (targetPaceAt: the worst
 * metric against that year's elapsed share; 100 % completes only in the last target year), from one
 * actual / target, or from the reported percent.
 * Returns null for assignments that owe nothing (withdrawn, reassigned, declined).
 */
export function classifyPace(input: PaceClassInput, thresholds: Partial<PaceThresholds> = {}): PaceClassification | null {
  if (input.status === 'withdrawn' || input.status === 'reassigned' || input.status === 'declined') return null;
  const config = { ...DEFAULT_PACE_THRESHOLDS, ...thresholds };
  const byTargets = input.targets ? targetPaceAt(input.targets, input, input.asOf) : null;
  const window = byTargets ?? input;
  const expectedPercent = roundToTenth(expectedProgressShare(window.startDate, window.dueDate, input.asOf, config.basis) * 100);
  const progressPercent = byTargets ? byTargets.progressPercent : progressPercentOf(input);
  const singleActual = input.actual != null && input.target != null && input.target > 0;
  const basis = byTargets ? 'targets' : singleActual ? 'actual' : 'percent';
  const done = progressPercent !== null && progressPercent >= 100 && (byTargets === null || byTargets.finalYear);
  if (input.status === 'closed' || input.status === 'closure_requested' || done) {
    return { pace: 'completed', expectedPercent, progressPercent, basis };
  }
  if (progressPercent === null || progressPercent <= 0) return { pace: 'not_started', expectedPercent, progressPercent, basis };
  const gap = roundToTenth(expectedPercent - progressPercent);
  if (gap > config.behindTolerancePercent) return { pace: 'behind', expectedPercent, progressPercent, basis };
  if (-gap >= config.aheadMarginPercent) return { pace: 'ahead', expectedPercent, progressPercent, basis };
  return { pace: 'on_pace', expectedPercent, progressPercent, basis };
}

/** Lagging (进展滞后): 欠进度, or 未启动 while the 序时进度 already exceeds the tolerance. */
export function isLaggingPace(classification: PaceClassification, thresholds: Partial<PaceThresholds> = {}): boolean {
  const tolerance = thresholds.behindTolerancePercent ?? DEFAULT_PACE_THRESHOLDS.behindTolerancePercent;
  if (classification.pace === 'behind') return true;
  return classification.pace === 'not_started' && classification.expectedPercent > tolerance;
}
