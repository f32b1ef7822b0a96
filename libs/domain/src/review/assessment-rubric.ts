import { UNIT_KIND_LABELS, type UnitKind } from '../organisation/organisation-directory';

/**
 * 年度考核细则 as data (per plan, over these defaults). Only outcomes are scored — work closed on time or late,
 * work still overdue, 通报 and 约谈 received — never logins, numbers of reports or uploads (整治形式主义为基层减负
 * 若干规定 forbids judging work by such traces), so the rubric has no field for them.
 */
export type AssessmentGrade = 'excellent' | 'good' | 'fair' | 'poor';

export const ASSESSMENT_GRADES: readonly AssessmentGrade[] = ['excellent', 'good', 'fair', 'poor'];

export const ASSESSMENT_GRADE_LABELS: Readonly<Record<AssessmentGrade, string>> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };

export type SanctionKind = 'award_disqualification';

export const SANCTION_KIND_LABELS: Readonly<Record<SanctionKind, string>> = { award_disqualification: '取消年终评优资格' };

/** A sanction rule: when it holds for a unit, the assessment proposes the sanction (a coordinator decides). */
export type SanctionRule =
  | { readonly kind: SanctionKind; readonly when: 'talks_at_least'; readonly count: number }
  | { readonly kind: SanctionKind; readonly when: 'bulletins_at_least'; readonly count: number }
  | { readonly kind: SanctionKind; readonly when: 'grade_in'; readonly grades: readonly AssessmentGrade[] };

/** A comparable group: units are ranked only against units of the same group (departments; district governments). */
export interface RubricGroup {
  readonly code: string;
  readonly label: string;
  readonly kinds: readonly UnitKind[];
}

export interface AssessmentRubric {
  readonly baseScore: number;
  /** Earned per task closed on or before its due date (a 牵头 task; 配合 tasks earn it × supportWeight). */
  readonly onTimeClosurePoints: number;
  /** Deducted per task closed after its due date. */
  readonly lateClosurePoints: number;
  /** Deducted per task still open past its due date at the assessment date. */
  readonly openOverduePoints: number;
  /** Deducted per 通报 received (one per published bulletin naming the unit's task). */
  readonly bulletinPoints: number;
  /** Deducted per 约谈 held with the unit. */
  readonly talkPoints: number;
  /** Weight of points that come from a 配合 (support) task; 牵头 counts 1. */
  readonly supportWeight: number;
  /** Caps: bonus points at most, deductions at most, and the score never below minScore. */
  readonly maxBonus: number;
  readonly maxDeductions: number;
  readonly minScore: number;
  /** Lowest score of each grade; below `fair` is 较差. */
  readonly gradeThresholds: { readonly excellent: number; readonly good: number; readonly fair: number };
  readonly groups: readonly RubricGroup[];
  readonly sanctionRules: readonly SanctionRule[];
}

/** Units whose kind no rubric group lists are ranked together under this group. */
export const OTHER_GROUP: RubricGroup = { code: 'other', label: '其他单位', kinds: [] };

export const DEFAULT_ASSESSMENT_RUBRIC: AssessmentRubric = {
  baseScore: 100,
  onTimeClosurePoints: 1,
  lateClosurePoints: 2,
  openOverduePoints: 3,
  bulletinPoints: 3,
  talkPoints: 5,
  supportWeight: 0.5,
  maxBonus: 10,
  maxDeductions: 60,
  minScore: 0,
  gradeThresholds: { excellent: 95, good: 85, fair: 70 },
  groups: [
    { code: 'departments', label: '市级部门', kinds: ['department', 'party_body', 'other'] },
    { code: 'districts', label: '区县政府', kinds: ['district_government', 'management_committee'] },
  ],
  sanctionRules: [
    { kind: 'award_disqualification', when: 'talks_at_least', count: 2 },
    { kind: 'award_disqualification', when: 'grade_in', grades: ['poor'] },
  ],
};

export type StoredAssessmentRubric = Partial<Omit<AssessmentRubric, 'gradeThresholds'>> & { readonly gradeThresholds?: Partial<AssessmentRubric['gradeThresholds']> };

const POINT_FIELDS = ['baseScore', 'onTimeClosurePoints', 'lateClosurePoints', 'openOverduePoints', 'bulletinPoints', 'talkPoints', 'maxBonus', 'maxDeductions', 'minScore'] as const;

const FIELD_LABELS: Readonly<Record<(typeof POINT_FIELDS)[number] | 'supportWeight', string>> = {
  baseScore: '基础分',
  onTimeClosurePoints: '按时办结加分',
  lateClosurePoints: '逾期办结扣分',
  openOverduePoints: '逾期未办结扣分',
  bulletinPoints: '每次通报扣分',
  talkPoints: '每次约谈扣分',
  maxBonus: '加分上限',
  maxDeductions: '扣分上限',
  minScore: '最低分',
  supportWeight: '配合单位权重',
};

const KNOWN_FIELDS = new Set<string>([...POINT_FIELDS, 'supportWeight', 'gradeThresholds', 'groups', 'sanctionRules']);
const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

function finite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Every problem with a plan's rubric override, in Chinese (empty = valid). Checked again after merging. */
export function validateAssessmentRubric(stored: StoredAssessmentRubric): string[] {
  const problems: string[] = [];
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return ['考核细则须为对象'];
  for (const name of Object.keys(stored)) if (!KNOWN_FIELDS.has(name)) problems.push(`考核细则没有“${name}”这一项`);
  for (const name of POINT_FIELDS) {
    const value = stored[name];
    if (value !== undefined && (!finite(value) || value < 0 || value > 1000)) problems.push(`考核细则的${FIELD_LABELS[name]}须为0至1000之间的数值`);
  }
  if (stored.supportWeight !== undefined && (!finite(stored.supportWeight) || stored.supportWeight < 0 || stored.supportWeight > 1)) problems.push('考核细则的配合单位权重须在0至1之间');
  const thresholds = stored.gradeThresholds;
  if (thresholds !== undefined) {
    if (thresholds === null || typeof thresholds !== 'object') problems.push('等次分数线须为对象');
    else for (const grade of ['excellent', 'good', 'fair'] as const) {
      const value = thresholds[grade];
      if (value !== undefined && (!finite(value) || value < 0 || value > 1000)) problems.push(`${ASSESSMENT_GRADE_LABELS[grade]}分数线须为0至1000之间的数值`);
    }
  }
  if (stored.groups !== undefined) {
    if (!Array.isArray(stored.groups) || stored.groups.length === 0) problems.push('考核分组须为非空列表');
    else {
      const seenKinds = new Set<string>();
      const seenCodes = new Set<string>();
      (stored.groups as readonly RubricGroup[]).forEach((group, index) => {
        const at = `第${index + 1}个考核分组`;
        if (!group || typeof group.code !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(group.code)) problems.push(`${at}的代码须为小写字母开头的字母、数字或下划线`);
        else if (seenCodes.has(group.code) || group.code === OTHER_GROUP.code) problems.push(`${at}的代码“${group.code}”重复或保留`);
        else seenCodes.add(group.code);
        if (!group || typeof group.label !== 'string' || group.label.trim() === '' || group.label.length > 40) problems.push(`${at}的名称须为1至40字`);
        if (!group || !Array.isArray(group.kinds) || group.kinds.length === 0) problems.push(`${at}须列出单位类别`);
        else for (const kind of group.kinds as readonly UnitKind[]) {
          if (!UNIT_KINDS.includes(kind)) problems.push(`${at}的单位类别“${String(kind)}”不存在`);
          else if (seenKinds.has(kind)) problems.push(`单位类别“${UNIT_KIND_LABELS[kind]}”出现在多个考核分组中`);
          else seenKinds.add(kind);
        }
      });
    }
  }
  if (stored.sanctionRules !== undefined) {
    if (!Array.isArray(stored.sanctionRules)) problems.push('处理规则须为列表');
    else (stored.sanctionRules as readonly SanctionRule[]).forEach((rule, index) => {
      const at = `第${index + 1}条处理规则`;
      if (!rule || rule.kind !== 'award_disqualification') problems.push(`${at}的处理方式只能是取消年终评优资格（award_disqualification）`);
      if (rule?.when === 'talks_at_least' || rule?.when === 'bulletins_at_least') {
        if (!Number.isInteger(rule.count) || rule.count < 1 || rule.count > 100) problems.push(`${at}的次数须为1至100的整数`);
      } else if (rule?.when === 'grade_in') {
        if (!Array.isArray(rule.grades) || rule.grades.length === 0 || rule.grades.some((grade: AssessmentGrade) => !ASSESSMENT_GRADES.includes(grade))) problems.push(`${at}的等次须从优秀、良好、一般、较差中选择`);
      } else problems.push(`${at}的条件只能是约谈次数（talks_at_least）、通报次数（bulletins_at_least）或等次（grade_in）`);
    });
  }
  if (problems.length === 0) {
    const merged = resolveAssessmentRubric(stored);
    const { excellent, good, fair } = merged.gradeThresholds;
    if (!(excellent > good && good > fair)) problems.push('等次分数线须为优秀＞良好＞一般');
    if (merged.minScore > merged.baseScore) problems.push('最低分不能高于基础分');
  }
  return problems;
}

/** A plan's stored rubric over the defaults; lists (groups, rules) replace the default lists whole. */
export function resolveAssessmentRubric(stored: StoredAssessmentRubric | null | undefined): AssessmentRubric {
  return {
    ...DEFAULT_ASSESSMENT_RUBRIC,
    ...(stored ?? {}),
    gradeThresholds: { ...DEFAULT_ASSESSMENT_RUBRIC.gradeThresholds, ...(stored?.gradeThresholds ?? {}) },
  };
}

/** The rule in words (the sanction's 依据). */
export function sanctionRuleText(rule: SanctionRule): string {
  if (rule.when === 'talks_at_least') return `年内被约谈${rule.count}次及以上`;
  if (rule.when === 'bulletins_at_least') return `年内被通报${rule.count}次及以上`;
  return `考核等次为${rule.grades.map((grade) => ASSESSMENT_GRADE_LABELS[grade]).join('或')}`;
}
