import { reject, type Rejection } from '../assignment/rejection';

/**
 * One numeric target of an assignment, as the rollout stores it from a plan's breakdown
 * table (任务分解表): metric × year (× region). The metric's printed name carries its unit
 * in brackets, e.g. 新增家庭养老床位（张）.
 */
export interface AssignmentTarget {
  readonly table?: string;
  readonly region?: string | null;
  readonly metric: string;
  readonly year: number;
  readonly value: number;
}

/** An actual (实际完成值) a unit reports against one of its targets. */
export interface ReportedActual {
  readonly metric: string;
  readonly year: number;
  readonly value: number;
  /** Needed only when the same metric × year is a target in more than one region. */
  readonly region?: string | null;
  /** The unit of the value; when given it must be the target's (no 万张 against 张). */
  readonly unit?: string | null;
}

/** A reported actual matched to its target (metric spelled as the target's, region filled in). */
export interface RecordedActual {
  readonly metric: string;
  readonly year: number;
  readonly region: string | null;
  readonly value: number;
}

/** A target as people read it, with its latest reported actual. */
export interface TargetProgress {
  readonly metric: string;
  readonly unit: string | null;
  readonly year: number;
  readonly region: string | null;
  readonly target: number;
  readonly actual?: number;
}

/** The most actuals one report may carry (a breakdown table has a few dozen cells per region). */
export const MAX_ACTUALS_PER_REPORT = 200;

const UNIT_IN_BRACKETS = /[（(]([^（）()]{1,12})[）)]/g;

/** The unit printed in a metric's name: 新增社区医院数（家） → 家; 达标区域面积（平方公里）片区 → 平方公里; none → null. */
export function metricUnit(metric: string): string | null {
  const units = [...metric.matchAll(UNIT_IN_BRACKETS)].map((match) => match[1]!.trim());
  return units.length > 0 ? units[units.length - 1]! : null;
}

/** One spelling for comparison: no spaces, full-width brackets. */
function metricKey(metric: string): string {
  return metric.normalize('NFKC').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

function actualKey(metric: string, year: number, region: string | null): string {
  return `${metricKey(metric)}\u0000${year}\u0000${region ?? ''}`;
}

/**
 * Checks a report's actuals against the assignment's targets: each must name a metric × year
 * (× region) that is one of them, with a finite number and, when a unit is given, the target's
 * unit; none twice. Returns the actuals as recorded (the target's spelling) or why not (422).
 */
export function validateActuals(targets: readonly AssignmentTarget[], actuals: readonly ReportedActual[]): readonly RecordedActual[] | Rejection {
  if (!Array.isArray(actuals)) return reject('invalid_actual', '实际完成值须为列表');
  if (actuals.length > MAX_ACTUALS_PER_REPORT) return reject('invalid_actual', `一次最多填报 ${MAX_ACTUALS_PER_REPORT} 项实际完成值`);
  const recorded: RecordedActual[] = [];
  const seen = new Set<string>();
  for (const actual of actuals) {
    const shape = actualShapeProblem(actual);
    if (shape) return shape;
    const region = actual.region === undefined || actual.region === null || actual.region.trim() === '' ? null : actual.region.trim();
    const candidates = targets.filter(
      (target) => metricKey(target.metric) === metricKey(actual.metric) && target.year === actual.year && (region === null || (target.region ?? null) === region),
    );
    const where = `${actual.metric.trim()}（${actual.year}年${region ? `，${region}` : ''}）`;
    if (candidates.length === 0) {
      return reject('actual_not_a_target', `“${where}”不是本任务的分解目标，不能填报实际完成值；请对照任务的目标填报`);
    }
    const regions = new Set(candidates.map((target) => target.region ?? null));
    if (regions.size > 1) {
      return reject('actual_region_required', `“${where}”在多个区域都有目标，请注明区域（${[...regions].filter(Boolean).join('、')}）`);
    }
    const target = candidates[0]!;
    const unit = metricUnit(target.metric);
    if (actual.unit !== undefined && actual.unit !== null && actual.unit.trim() !== '' && actual.unit.trim() !== unit) {
      return reject('actual_unit_mismatch', `“${where}”的计量单位是“${unit ?? '无'}”，填报的单位为“${actual.unit.trim()}”，请换算后填报`);
    }
    const targetRegion = target.region ?? null;
    const key = actualKey(target.metric, target.year, targetRegion);
    if (seen.has(key)) return reject('invalid_actual', `“${where}”在同一次反馈中填报了两次`);
    seen.add(key);
    recorded.push({ metric: target.metric, year: target.year, region: targetRegion, value: actual.value });
  }
  return recorded;
}

function actualShapeProblem(actual: ReportedActual): Rejection | null {
  if (typeof actual !== 'object' || actual === null) return reject('invalid_actual', '每项实际完成值须包含指标、年度和数值');
  if (typeof actual.metric !== 'string' || actual.metric.trim() === '') return reject('invalid_actual', '实际完成值须注明指标名称');
  if (typeof actual.year !== 'number' || !Number.isInteger(actual.year) || actual.year < 1900 || actual.year > 2200) {
    return reject('invalid_actual', `实际完成值的年度须为四位年份，收到 ${String(actual.year)}`);
  }
  if (typeof actual.value !== 'number' || !Number.isFinite(actual.value)) return reject('invalid_value', `“${actual.metric.trim()}”的实际完成值须为有效数字`);
  if (actual.value < 0) return reject('invalid_value', `“${actual.metric.trim()}”的实际完成值不能为负数`);
  return null;
}

/**
 * The shape checks alone (no targets at hand): what the workflow re-checks when a report
 * arrives. The targets themselves are checked by validateActuals where they are read.
 */
export function actualsShapeProblem(actuals: readonly RecordedActual[] | undefined): Rejection | null {
  if (actuals === undefined) return null;
  if (!Array.isArray(actuals)) return reject('invalid_actual', '实际完成值须为列表');
  if (actuals.length > MAX_ACTUALS_PER_REPORT) return reject('invalid_actual', `一次最多填报 ${MAX_ACTUALS_PER_REPORT} 项实际完成值`);
  for (const actual of actuals) {
    const problem = actualShapeProblem(actual);
    if (problem) return problem;
  }
  return null;
}

/**
 * Every target with its latest actual: `reports` oldest first, a later report's value for the
 * same metric × year × region replaces an earlier one.
 */
export function targetsWithActuals(targets: readonly AssignmentTarget[], reports: readonly (readonly RecordedActual[])[]): readonly TargetProgress[] {
  const latest = new Map<string, number>();
  for (const actuals of reports) for (const actual of actuals) latest.set(actualKey(actual.metric, actual.year, actual.region), actual.value);
  return targets.map((target) => {
    const region = target.region ?? null;
    const actual = latest.get(actualKey(target.metric, target.year, region));
    return {
      metric: target.metric,
      unit: metricUnit(target.metric),
      year: target.year,
      region,
      target: target.value,
      ...(actual !== undefined ? { actual } : {}),
    };
  });
}
