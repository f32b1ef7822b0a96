import { compareBusinessDates, workingDaysBetween, type BusinessDate } from '@duban/calendar';
import type { AssignmentState } from '../assignment/assignment-state';
import { AWARD_DISQUALIFICATION_LABEL } from '../escalation/escalation-levels';

/** Annual assessment (年度考核) rules, as data. Points are deducted per assignment unless noted. */
export interface ScoringRules {
  readonly baseScore: number;
  /** Each assignment overdue at the assessment date, or closed after its due date. */
  readonly overdueAssignmentPoints: number;
  /** Per working day overdue, capped per assignment. */
  readonly overdueWorkingDayPoints: number;
  readonly maxOverdueDayPointsPerAssignment: number;
  /** Each 通报. */
  readonly bulletinPoints: number;
  /** Each closure request sent back (退回). */
  readonly rejectedClosurePoints: number;
  /** Each 约谈 held. */
  readonly talkPoints: number;
  /** This many 约谈 or more cost 取消年终评优资格; null = never. */
  readonly talksForAwardIneligibility: number | null;
  /** Bonus for an assignment completed at least `earlyClosureMinWorkingDays` before its due date. */
  readonly earlyClosureBonusPoints: number;
  readonly earlyClosureMinWorkingDays: number;
  readonly maxEarlyClosureBonus: number;
  /** Multiplier on deductions and bonuses for 配合 (support) assignments; 牵头 counts 1. */
  readonly supportWeight: number;
  /** Scores never go below this. */
  readonly minScore: number;
}

export const DEFAULT_SCORING_RULES: ScoringRules = {
  baseScore: 100,
  overdueAssignmentPoints: 2,
  overdueWorkingDayPoints: 0.2,
  maxOverdueDayPointsPerAssignment: 5,
  bulletinPoints: 3,
  rejectedClosurePoints: 1,
  talkPoints: 5,
  talksForAwardIneligibility: 1,
  earlyClosureBonusPoints: 1,
  earlyClosureMinWorkingDays: 5,
  maxEarlyClosureBonus: 5,
  supportWeight: 1,
  minScore: 0,
};

export type ScoredAssignment = Pick<
  AssignmentState,
  | 'key'
  | 'unitId'
  | 'responsibility'
  | 'status'
  | 'dueDate'
  | 'completedDate'
  | 'closureRequest'
  | 'closureRejectionCount'
  | 'bulletinCount'
  | 'talkCount'
>;

export type ScoreItemCode = 'overdue_assignment' | 'overdue_days' | 'bulletin' | 'rejected_closure' | 'talk' | 'early_closure';

/** One line of the breakdown: what happened, on which assignment, and what it cost (negative) or earned. */
export interface ScoreItem {
  readonly code: ScoreItemCode;
  readonly assignmentKey: string;
  readonly points: number;
  readonly text: string;
}

export interface UnitAssessment {
  readonly unitId: string;
  readonly score: number;
  readonly baseScore: number;
  readonly deductions: number;
  readonly bonus: number;
  readonly items: readonly ScoreItem[];
  readonly awardEligible: boolean;
  readonly awardIneligibleReason: string | null;
  readonly counts: {
    readonly assignments: number;
    readonly closed: number;
    readonly overdue: number;
    readonly bulletins: number;
    readonly talks: number;
    readonly rejectedClosures: number;
    readonly earlyClosures: number;
  };
}

export interface RankedUnit extends UnitAssessment {
  /** 1-based position; ties are broken deterministically (see rankUnits). */
  readonly rank: number;
}

/** Assignments that count: still owed or closed. Withdrawn, reassigned and declined ones do not. */
function counts(assignment: ScoredAssignment): boolean {
  return assignment.status !== 'withdrawn' && assignment.status !== 'reassigned' && assignment.status !== 'declined';
}

function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Working days late at `asOf`: closed → due date to completion date; awaiting verification → to the
 * request date; still open → to `asOf`. 0 when on time.
 */
export function overdueWorkingDaysAt(
  assignment: Pick<ScoredAssignment, 'status' | 'dueDate' | 'completedDate' | 'closureRequest'>,
  asOf: BusinessDate,
): number {
  let reference: BusinessDate;
  if (assignment.status === 'closed') reference = assignment.completedDate ?? asOf;
  else if (assignment.status === 'closure_requested' && assignment.closureRequest) reference = assignment.closureRequest.date;
  else reference = asOf;
  if (compareBusinessDates(reference, assignment.dueDate) <= 0) return 0;
  return Math.max(0, workingDaysBetween(assignment.dueDate, reference));
}

function isLate(assignment: ScoredAssignment, asOf: BusinessDate): boolean {
  const reference =
    assignment.status === 'closed'
      ? (assignment.completedDate ?? asOf)
      : assignment.status === 'closure_requested' && assignment.closureRequest
        ? assignment.closureRequest.date
        : asOf;
  return compareBusinessDates(reference, assignment.dueDate) > 0;
}

/** Scores one unit from its assignments at `asOf` (the assessment date). */
export function assessUnit(
  unitId: string,
  assignments: readonly ScoredAssignment[],
  asOf: BusinessDate,
  rules: Partial<ScoringRules> = {},
): UnitAssessment {
  const config: ScoringRules = { ...DEFAULT_SCORING_RULES, ...rules };
  const own = assignments.filter((assignment) => assignment.unitId === unitId && counts(assignment));
  const items: ScoreItem[] = [];
  let earlyBonus = 0;
  const tally = { closed: 0, overdue: 0, bulletins: 0, talks: 0, rejectedClosures: 0, earlyClosures: 0 };

  for (const assignment of [...own].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))) {
    const weight = assignment.responsibility === 'support' ? config.supportWeight : 1;
    const key = assignment.key;
    if (assignment.status === 'closed') tally.closed++;

    if (isLate(assignment, asOf)) {
      tally.overdue++;
      const days = overdueWorkingDaysAt(assignment, asOf);
      items.push({
        code: 'overdue_assignment',
        assignmentKey: key,
        points: roundPoints(-config.overdueAssignmentPoints * weight),
        text: `逾期任务（期限${assignment.dueDate}）扣${roundPoints(config.overdueAssignmentPoints * weight)}分`,
      });
      const dayPoints = Math.min(days * config.overdueWorkingDayPoints, config.maxOverdueDayPointsPerAssignment) * weight;
      if (dayPoints > 0) {
        items.push({
          code: 'overdue_days',
          assignmentKey: key,
          points: roundPoints(-dayPoints),
          text: `逾期${days}个工作日扣${roundPoints(dayPoints)}分（每日${config.overdueWorkingDayPoints}分，单项最多${config.maxOverdueDayPointsPerAssignment}分）`,
        });
      }
    }

    if (assignment.bulletinCount > 0) {
      tally.bulletins += assignment.bulletinCount;
      const points = assignment.bulletinCount * config.bulletinPoints * weight;
      items.push({ code: 'bulletin', assignmentKey: key, points: roundPoints(-points), text: `被通报${assignment.bulletinCount}次扣${roundPoints(points)}分` });
    }

    if (assignment.closureRejectionCount > 0) {
      tally.rejectedClosures += assignment.closureRejectionCount;
      const points = assignment.closureRejectionCount * config.rejectedClosurePoints * weight;
      items.push({
        code: 'rejected_closure',
        assignmentKey: key,
        points: roundPoints(-points),
        text: `办结申请被退回${assignment.closureRejectionCount}次扣${roundPoints(points)}分`,
      });
    }

    if (assignment.talkCount > 0) {
      tally.talks += assignment.talkCount;
      const points = assignment.talkCount * config.talkPoints * weight;
      items.push({ code: 'talk', assignmentKey: key, points: roundPoints(-points), text: `被约谈${assignment.talkCount}次扣${roundPoints(points)}分` });
    }

    if (assignment.status === 'closed' && assignment.completedDate !== null) {
      const workingDaysEarly = -workingDaysBetween(assignment.dueDate, assignment.completedDate);
      if (workingDaysEarly >= config.earlyClosureMinWorkingDays) {
        tally.earlyClosures++;
        const room = config.maxEarlyClosureBonus - earlyBonus;
        const points = Math.min(config.earlyClosureBonusPoints * weight, Math.max(0, room));
        if (points > 0) {
          earlyBonus += points;
          items.push({
            code: 'early_closure',
            assignmentKey: key,
            points: roundPoints(points),
            text: `提前${workingDaysEarly}个工作日办结加${roundPoints(points)}分`,
          });
        }
      }
    }
  }

  const deductions = roundPoints(items.filter((item) => item.points < 0).reduce((sum, item) => sum - item.points, 0));
  const bonus = roundPoints(items.filter((item) => item.points > 0).reduce((sum, item) => sum + item.points, 0));
  const score = roundPoints(Math.max(config.minScore, config.baseScore - deductions + bonus));
  const threshold = config.talksForAwardIneligibility;
  const awardEligible = threshold === null || tally.talks < threshold;
  return {
    unitId,
    score,
    baseScore: config.baseScore,
    deductions,
    bonus,
    items,
    awardEligible,
    awardIneligibleReason: awardEligible ? null : `被约谈${tally.talks}次（达到${threshold}次），${AWARD_DISQUALIFICATION_LABEL}`,
    counts: { assignments: own.length, ...tally },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Ranks assessments: higher score first; ties go to the unit with fewer overdue assignments, then fewer
 * 约谈, then fewer 通报, then the unit id in code-point order (never locale-dependent). Ranks are 1..n.
 */
export function rankUnits(assessments: readonly UnitAssessment[]): RankedUnit[] {
  return [...assessments]
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.counts.overdue - b.counts.overdue ||
        a.counts.talks - b.counts.talks ||
        a.counts.bulletins - b.counts.bulletins ||
        compareText(a.unitId, b.unitId),
    )
    .map((assessment, index) => ({ ...assessment, rank: index + 1 }));
}

export interface AnnualAssessment {
  readonly year: number;
  readonly asOf: BusinessDate;
  readonly rules: ScoringRules;
  readonly ranking: readonly RankedUnit[];
}

/**
 * 年度考核: scores every unit that has assignments (plus `units`, scored from an empty record) and ranks
 * them. `asOf` is the assessment date, normally `${year}-12-31`.
 */
export function assessYear(input: {
  readonly year: number;
  readonly assignments: readonly ScoredAssignment[];
  readonly asOf?: BusinessDate;
  readonly units?: readonly string[];
  readonly rules?: Partial<ScoringRules>;
}): AnnualAssessment {
  const asOf = input.asOf ?? `${input.year}-12-31`;
  const rules: ScoringRules = { ...DEFAULT_SCORING_RULES, ...input.rules };
  const unitIds = [...new Set([...(input.units ?? []), ...input.assignments.map((assignment) => assignment.unitId)])];
  const ranking = rankUnits(unitIds.map((unitId) => assessUnit(unitId, input.assignments, asOf, rules)));
  return { year: input.year, asOf, rules, ranking };
}
