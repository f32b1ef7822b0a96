import { compareBusinessDates, type BusinessDate } from '@duban/calendar';
import type { Responsibility } from '../assignment/assignment-state';
import type { AssignmentStatus } from '../assignment/assignment-status';
import type { UnitKind } from '../organisation/organisation-directory';
import { HELD_TALK_STATUSES, type TalkStatus } from '../talk/talk-status';
import { chineseDate } from '../text/chinese-date';
import {
  ASSESSMENT_GRADE_LABELS,
  OTHER_GROUP,
  SANCTION_KIND_LABELS,
  sanctionRuleText,
  type AssessmentGrade,
  type AssessmentRubric,
  type RubricGroup,
  type SanctionKind,
} from './assessment-rubric';


export interface AssessedUnit {
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: UnitKind;
}

export interface AssessedAssignment {
  readonly assignmentId: string;
  readonly unitId: string;
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly responsibility: Responsibility;
  readonly status: AssignmentStatus;
  readonly dueDate: BusinessDate;
  /** The 办结 date (closed only). */
  readonly completedDate: BusinessDate | null;
}

/** A 通报: one published bulletin naming one assignment of the unit. */
export interface AssessedBulletinNotice {
  readonly noticeId: string;
  readonly unitId: string;
  readonly assignmentId: string;
  /** The bulletin's cut-off date. */
  readonly bulletinAsOf: BusinessDate;
  readonly bulletinTitle: string;
}

/** A 约谈 with the unit; only held ones (HELD_TALK_STATUSES, by held_at) count. */
export interface AssessedTalk {
  readonly talkId: string;
  readonly unitId: string;
  readonly assignmentId: string | null;
  readonly heldOn: BusinessDate;
  readonly status: string;
}

export type ScoreLineCode = 'base' | 'on_time_closure' | 'late_closure' | 'open_overdue' | 'bulletin' | 'talk' | 'bonus_cap' | 'deduction_cap' | 'min_score';

/** One line of a unit's score: why, how many points, and the event that gave them (kind:id), if any. */
export interface ScoreLine {
  readonly code: ScoreLineCode;
  readonly reason: string;
  readonly points: number;
  readonly eventRef: string | null;
}

export interface ProposedSanction {
  readonly kind: SanctionKind;
  readonly kindLabel: string;
  /** The rules that hold, in words (依据). */
  readonly rule: string;
}

export interface AssessmentLineResult {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitKind: UnitKind;
  readonly group: string;
  readonly groupLabel: string;
  readonly score: number;
  readonly grade: AssessmentGrade;
  readonly gradeLabel: string;
  /** Competition ranking within the group (1, 2, 2, 4). */
  readonly rank: number;
  readonly items: readonly ScoreLine[];
  readonly counts: { readonly onTime: number; readonly late: number; readonly openOverdue: number; readonly bulletins: number; readonly talks: number };
  readonly sanctions: readonly ProposedSanction[];
}

export interface AnnualAssessmentInput {
  readonly year: number;
  /** Assessment date (normally `${year}-12-31`); nothing after it counts. */
  readonly asOf: BusinessDate;
  readonly rubric: AssessmentRubric;
  readonly units: readonly AssessedUnit[];
  readonly assignments: readonly AssessedAssignment[];
  readonly notices: readonly AssessedBulletinNotice[];
  readonly talks: readonly AssessedTalk[];
}

export function roundPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

function withinYear(date: BusinessDate, year: number, asOf: BusinessDate): boolean {
  return compareBusinessDates(date, `${year}-01-01`) >= 0 && compareBusinessDates(date, asOf) <= 0;
}

function taskName(assignment: Pick<AssessedAssignment, 'taskNumber' | 'taskTitle'> | undefined): string {
  if (!assignment) return '';
  if (assignment.taskNumber !== null) return `任务${assignment.taskNumber}`;
  return assignment.taskTitle ? `“${assignment.taskTitle.slice(0, 20)}”` : '任务';
}

function responsibilityNote(assignment: AssessedAssignment | undefined, rubric: AssessmentRubric): string {
  return assignment?.responsibility === 'support' ? `（配合，按${rubric.supportWeight}倍计）` : '';
}

/**
 * What one assignment's outcome gives in the year: closed in the year on or before its due date (按时办结),
 * closed in the year after it (逾期办结), or still open past its due date at `asOf` (逾期未办结; a task closed
 * after `asOf` was open then). Withdrawn, declined and reassigned tasks, and open ones not yet due, give nothing.
 */
export function assignmentOutcome(assignment: AssessedAssignment, year: number, asOf: BusinessDate): 'on_time' | 'late' | 'open_overdue' | null {
  if (assignment.status === 'withdrawn' || assignment.status === 'declined' || assignment.status === 'reassigned') return null;
  const completed = assignment.status === 'closed' && assignment.completedDate !== null && compareBusinessDates(assignment.completedDate, asOf) <= 0 ? assignment.completedDate : null;
  if (completed !== null) {
    if (!withinYear(completed, year, asOf)) return null;
    return compareBusinessDates(completed, assignment.dueDate) <= 0 ? 'on_time' : 'late';
  }
  return compareBusinessDates(assignment.dueDate, asOf) < 0 ? 'open_overdue' : null;
}

/** The score lines of one unit before caps, in a stable order (assignments by task, then 通报, then 约谈). */
function rawLines(unit: AssessedUnit, input: AnnualAssessmentInput, byId: ReadonlyMap<string, AssessedAssignment>): { lines: ScoreLine[]; counts: AssessmentLineResult['counts'] } {
  const { rubric, year, asOf } = input;
  const weightOf = (assignment: AssessedAssignment | undefined) => (assignment?.responsibility === 'support' ? rubric.supportWeight : 1);
  const lines: ScoreLine[] = [];
  const counts = { onTime: 0, late: 0, openOverdue: 0, bulletins: 0, talks: 0 };
  const own = input.assignments
    .filter((assignment) => assignment.unitId === unit.unitId)
    .sort((a, b) => (a.taskNumber ?? Infinity) - (b.taskNumber ?? Infinity) || (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0));
  for (const assignment of own) {
    const outcome = assignmentOutcome(assignment, year, asOf);
    if (outcome === null) continue;
    const weight = weightOf(assignment);
    const ref = `assignment:${assignment.assignmentId}`;
    const note = responsibilityNote(assignment, rubric);
    if (outcome === 'on_time') {
      counts.onTime++;
      const points = roundPoints(rubric.onTimeClosurePoints * weight);
      if (points !== 0) lines.push({ code: 'on_time_closure', reason: `${taskName(assignment)}按时办结（${chineseDate(assignment.completedDate ?? '')}，期限${chineseDate(assignment.dueDate)}）${note}`, points, eventRef: ref });
    } else if (outcome === 'late') {
      counts.late++;
      const points = roundPoints(-rubric.lateClosurePoints * weight);
      if (points !== 0) lines.push({ code: 'late_closure', reason: `${taskName(assignment)}逾期办结（${chineseDate(assignment.completedDate ?? '')}，期限${chineseDate(assignment.dueDate)}）${note}`, points, eventRef: ref });
    } else {
      counts.openOverdue++;
      const points = roundPoints(-rubric.openOverduePoints * weight);
      if (points !== 0) lines.push({ code: 'open_overdue', reason: `${taskName(assignment)}逾期未办结（期限${chineseDate(assignment.dueDate)}，截至${chineseDate(asOf)}）${note}`, points, eventRef: ref });
    }
  }
  const notices = input.notices
    .filter((notice) => notice.unitId === unit.unitId && withinYear(notice.bulletinAsOf, year, asOf))
    .sort((a, b) => compareBusinessDates(a.bulletinAsOf, b.bulletinAsOf) || (a.noticeId < b.noticeId ? -1 : a.noticeId > b.noticeId ? 1 : 0));
  for (const notice of notices) {
    counts.bulletins++;
    const assignment = byId.get(notice.assignmentId);
    const points = roundPoints(-rubric.bulletinPoints * weightOf(assignment));
    if (points !== 0) {
      lines.push({ code: 'bulletin', reason: `${taskName(assignment)}被通报（${notice.bulletinTitle || `截至${chineseDate(notice.bulletinAsOf)}的通报`}）${responsibilityNote(assignment, rubric)}`, points, eventRef: `notice:${notice.noticeId}` });
    }
  }
  const talks = input.talks
    .filter((talk) => talk.unitId === unit.unitId && HELD_TALK_STATUSES.includes(talk.status as TalkStatus) && withinYear(talk.heldOn, year, asOf))
    .sort((a, b) => compareBusinessDates(a.heldOn, b.heldOn) || (a.talkId < b.talkId ? -1 : a.talkId > b.talkId ? 1 : 0));
  for (const talk of talks) {
    counts.talks++;
    const assignment = talk.assignmentId ? byId.get(talk.assignmentId) : undefined;
    const points = roundPoints(-rubric.talkPoints * weightOf(assignment));
    const about = assignment ? `（${taskName(assignment)}）` : '';
    if (points !== 0) lines.push({ code: 'talk', reason: `被约谈${about}（${chineseDate(talk.heldOn)}）${responsibilityNote(assignment, rubric)}`, points, eventRef: `talk:${talk.talkId}` });
  }
  return { lines, counts };
}

/**
 * One unit's score: base + bonus (capped at maxBonus) − deductions (capped at maxDeductions), never below
 * minScore. Each cap that bites is a line of its own, so the lines always add up to the score.
 */
export function scoreUnit(unit: AssessedUnit, input: AnnualAssessmentInput, byId: ReadonlyMap<string, AssessedAssignment> = new Map(input.assignments.map((a) => [a.assignmentId, a]))): { score: number; items: ScoreLine[]; counts: AssessmentLineResult['counts'] } {
  const { rubric } = input;
  const { lines, counts } = rawLines(unit, input, byId);
  const items: ScoreLine[] = [{ code: 'base', reason: '基础分', points: rubric.baseScore, eventRef: null }, ...lines];
  const bonus = roundPoints(lines.filter((line) => line.points > 0).reduce((sum, line) => sum + line.points, 0));
  const deductions = roundPoints(lines.filter((line) => line.points < 0).reduce((sum, line) => sum - line.points, 0));
  if (bonus > rubric.maxBonus) items.push({ code: 'bonus_cap', reason: `加分${bonus}分超过上限${rubric.maxBonus}分，按上限计`, points: roundPoints(rubric.maxBonus - bonus), eventRef: null });
  if (deductions > rubric.maxDeductions) items.push({ code: 'deduction_cap', reason: `扣分${deductions}分超过上限${rubric.maxDeductions}分，按上限计`, points: roundPoints(deductions - rubric.maxDeductions), eventRef: null });
  const capped = roundPoints(rubric.baseScore + Math.min(bonus, rubric.maxBonus) - Math.min(deductions, rubric.maxDeductions));
  if (capped < rubric.minScore) items.push({ code: 'min_score', reason: `得分不低于最低分${rubric.minScore}分`, points: roundPoints(rubric.minScore - capped), eventRef: null });
  return { score: Math.max(capped, rubric.minScore), items, counts };
}

export function gradeOf(score: number, rubric: AssessmentRubric): AssessmentGrade {
  const { excellent, good, fair } = rubric.gradeThresholds;
  if (score >= excellent) return 'excellent';
  if (score >= good) return 'good';
  if (score >= fair) return 'fair';
  return 'poor';
}

/** The comparable group of a unit kind (the first rubric group listing it; otherwise 其他单位). */
export function groupOf(kind: UnitKind, rubric: AssessmentRubric): RubricGroup {
  return rubric.groups.find((group) => group.kinds.includes(kind)) ?? OTHER_GROUP;
}

/**
 * Competition ranking (1, 2, 2, 4) by score, highest first. Equal scores share a rank whatever else differs:
 * the rubric is the whole judgement, no hidden tie-breaker.
 */
export function competitionRanks(scores: readonly number[]): number[] {
  return scores.map((score) => 1 + scores.filter((other) => other > score).length);
}

/** The sanctions whose rules hold for a unit: one per kind, naming every rule that holds. */
export function proposeSanctions(rubric: AssessmentRubric, facts: { grade: AssessmentGrade; talks: number; bulletins: number }): ProposedSanction[] {
  const byKind = new Map<SanctionKind, string[]>();
  for (const rule of rubric.sanctionRules) {
    const holds =
      rule.when === 'talks_at_least'
        ? facts.talks >= rule.count
        : rule.when === 'bulletins_at_least'
          ? facts.bulletins >= rule.count
          : rule.grades.includes(facts.grade);
    if (!holds) continue;
    const fact = rule.when === 'talks_at_least' ? `（被约谈${facts.talks}次）` : rule.when === 'bulletins_at_least' ? `（被通报${facts.bulletins}次）` : '';
    byKind.set(rule.kind, [...(byKind.get(rule.kind) ?? []), `${sanctionRuleText(rule)}${fact}`]);
  }
  return [...byKind].map(([kind, rules]) => ({ kind, kindLabel: SANCTION_KIND_LABELS[kind], rule: rules.join('；') }));
}

/**
 * 年度考核 of a plan: scores every unit (those given), grades it, ranks it within its group, and proposes
 * sanctions. Lines come out by group (rubric order, 其他单位 last), then rank, then unit name (code points).
 */
export function assessYear(input: AnnualAssessmentInput): AssessmentLineResult[] {
  const { rubric } = input;
  const byId = new Map(input.assignments.map((assignment) => [assignment.assignmentId, assignment]));
  const scored = input.units.map((unit) => {
    const group = groupOf(unit.kind, rubric);
    const { score, items, counts } = scoreUnit(unit, input, byId);
    const grade = gradeOf(score, rubric);
    return { unit, group, score, items, counts, grade };
  });
  const groupOrder = [...rubric.groups.map((group) => group.code), OTHER_GROUP.code];
  const lines: AssessmentLineResult[] = [];
  for (const code of groupOrder) {
    const members = scored.filter((entry) => entry.group.code === code);
    const ranks = competitionRanks(members.map((entry) => entry.score));
    members.forEach((entry, index) => {
      lines.push({
        unitId: entry.unit.unitId,
        unitName: entry.unit.unitName,
        unitKind: entry.unit.kind,
        group: entry.group.code,
        groupLabel: entry.group.label,
        score: entry.score,
        grade: entry.grade,
        gradeLabel: ASSESSMENT_GRADE_LABELS[entry.grade],
        rank: ranks[index]!,
        items: entry.items,
        counts: entry.counts,
        sanctions: proposeSanctions(rubric, { grade: entry.grade, talks: entry.counts.talks, bulletins: entry.counts.bulletins }),
      });
    });
  }
  const position = new Map(groupOrder.map((code, index) => [code, index]));
  return lines.sort((a, b) => position.get(a.group)! - position.get(b.group)! || a.rank - b.rank || (a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0));
}

export type AssessmentStatus = 'drafting' | 'draft' | 'confirmed';

export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = { drafting: '生成中', draft: '待确认', confirmed: '已确认' };

export type SanctionStatus = 'proposed' | 'confirmed' | 'waived';

export const SANCTION_STATUS_LABELS: Readonly<Record<SanctionStatus, string>> = { proposed: '待决定', confirmed: '已确认', waived: '已免予' };
