import { DEFAULT_PACE_THRESHOLDS, type PaceThresholds } from './pace';
import { DEFAULT_ASSESSMENT_RUBRIC, resolveAssessmentRubric, validateAssessmentRubric, type AssessmentRubric, type StoredAssessmentRubric } from './assessment-rubric';

export type ReviewKind = 'half_year' | 'annual';

export const REVIEW_KIND_LABELS: Readonly<Record<ReviewKind | 'on_demand', string>> = {
  half_year: '半年通报',
  annual: '年度考核',
  on_demand: '专项通报',
};

/** A recurring review: every year on month/day, Asia/Shanghai (the cut-off date of that year). */
export interface ReviewPeriod {
  readonly kind: ReviewKind;
  readonly month: number;
  readonly day: number;
}

/** A plan's review regime, stored as data beside its other settings. */
export interface ReviewSettings {
  readonly periods: readonly ReviewPeriod[];
  readonly pace: PaceThresholds;
  readonly rubric: AssessmentRubric;
  /** Whether assessment rankings are published to the units (a per-plan choice). */
  readonly publishRankings: boolean;
  /** How late a missed scheduled run may still start (e.g. the system was down at the cut-off), in days. */
  readonly catchupWindowDays: number;
}

export const REVIEW_TIME_ZONE = 'Asia/Shanghai';

/** 半年通报 as of 06-30 and 12-31, 年度考核 as of 12-31. */
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  periods: [
    { kind: 'half_year', month: 6, day: 30 },
    { kind: 'half_year', month: 12, day: 31 },
    { kind: 'annual', month: 12, day: 31 },
  ],
  pace: DEFAULT_PACE_THRESHOLDS,
  rubric: DEFAULT_ASSESSMENT_RUBRIC,
  publishRankings: false,
  catchupWindowDays: 7,
};

export type StoredReviewSettings = Partial<Omit<ReviewSettings, 'pace' | 'rubric'>> & {
  readonly pace?: Partial<PaceThresholds>;
  readonly rubric?: StoredAssessmentRubric;
};

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Every problem with stored review settings, in Chinese (empty = valid). */
export function validateReviewSettings(stored: StoredReviewSettings): string[] {
  const problems: string[] = [];
  (stored.periods ?? []).forEach((period, index) => {
    const at = `第${index + 1}个考评周期`;
    if (period.kind !== 'half_year' && period.kind !== 'annual') problems.push(`${at}的类型只能是半年通报（half_year）或年度考核（annual）`);
    if (!Number.isInteger(period.month) || period.month < 1 || period.month > 12) problems.push(`${at}的月份须为1至12的整数`);
    else if (!Number.isInteger(period.day) || period.day < 1 || period.day > DAYS_IN_MONTH[period.month - 1]!) problems.push(`${at}的日期不存在`);
  });
  const keys = new Set((stored.periods ?? []).map((period) => `${period.kind}:${period.month}:${period.day}`));
  if (keys.size !== (stored.periods ?? []).length) problems.push('考评周期有重复');
  const pace = stored.pace ?? {};
  if (pace.aheadMarginPercent !== undefined && (!finite(pace.aheadMarginPercent) || pace.aheadMarginPercent < 0 || pace.aheadMarginPercent > 100)) problems.push('超进度阈值须在0至100个百分点之间');
  if (pace.behindTolerancePercent !== undefined && (!finite(pace.behindTolerancePercent) || pace.behindTolerancePercent < 0 || pace.behindTolerancePercent > 100)) problems.push('欠进度容差须在0至100个百分点之间');
  if (pace.basis !== undefined && pace.basis !== 'calendar' && pace.basis !== 'working') problems.push('序时进度口径只能是自然日（calendar）或工作日（working）');
  if (stored.rubric !== undefined) problems.push(...validateAssessmentRubric(stored.rubric));
  if (stored.catchupWindowDays !== undefined && (!Number.isInteger(stored.catchupWindowDays) || stored.catchupWindowDays < 0 || stored.catchupWindowDays > 60)) problems.push('补跑窗口须为0至60天的整数');
  if (stored.publishRankings !== undefined && typeof stored.publishRankings !== 'boolean') problems.push('是否公布排名须为是或否');
  return problems;
}

/** Stored settings over the defaults (a plan that stores nothing gets the defaults). */
export function resolveReviewSettings(stored: StoredReviewSettings | null | undefined): ReviewSettings {
  return {
    periods: stored?.periods ?? DEFAULT_REVIEW_SETTINGS.periods,
    pace: { ...DEFAULT_REVIEW_SETTINGS.pace, ...(stored?.pace ?? {}) },
    rubric: resolveAssessmentRubric(stored?.rubric),
    publishRankings: stored?.publishRankings ?? DEFAULT_REVIEW_SETTINGS.publishRankings,
    catchupWindowDays: stored?.catchupWindowDays ?? DEFAULT_REVIEW_SETTINGS.catchupWindowDays,
  };
}

/** The cut-off date of a period in a year ('YYYY-MM-DD'); 02-29 falls back to 02-28 outside leap years. */
export function periodCutOff(period: ReviewPeriod, year: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = period.month === 2 && period.day === 29 && !leap ? 28 : period.day;
  return `${year}-${String(period.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
