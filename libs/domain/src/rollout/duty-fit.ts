import type { PlanDutyInput } from './plan-input';

/**
 * Whether a 职责分工 entry's stated duty fits a task: both texts share a key term the rest of the plan does not
 * use everywhere. A plan's 职责分工 describes each department's duty in a sentence or two (机构编制部门："合理核定并
 * 动态调整基层医疗卫生机构编制总量…"); a task about staffing quotas (每5年动态调整乡镇卫生院人员编制总量) shares
 * 编制总量 with it, a task about fever clinics shares nothing distinctive. Chinese has no spaces, so terms are the
 * 2–6 character parts of the runs between the governance words every duty and task uses (负责、推进、建设、基层、
 * 医疗卫生…), minus any term found in many of the plan's tasks (the plan's own topic says nothing about who should
 * do a task).
 */

/**
 * Words of administration every duty and task uses (负责、推进、建设、服务…): never evidence of fit, and texts are
 * cut at them, so a run such as 协调指导医疗卫生资源均衡布局 yields 医疗卫生资源均衡布局.
 */
const ADMINISTRATIVE_WORDS = [
  '负责', '牵头', '配合', '协同', '协调', '指导', '推进', '推动', '落实', '加强', '加大', '强化', '完善', '健全', '建立', '建设',
  '制定', '研究', '组织', '开展', '实施', '提升', '提高', '优化', '确保', '保障', '支持', '统筹', '合理', '积极', '进一步', '工作',
  '政策', '规定', '按照', '根据', '要求', '方案', '文件', '任务', '机制', '体系', '能力', '水平', '服务', '管理', '部门', '政府',
  '各地', '全市', '地区', '单位', '相关', '包括', '符合', '条件', '各类', '发展', '持续', '切实', '有效', '事业', '规划', '引导',
  '确定', '动态', '调整', '需求', '优先', '安排', '人员', '改善', '可持续', '细化', '力度', '比例', '保持', '同步', '增长', '计划',
  '基础', '用人',
].sort((a, b) => b.length - a.length);

/**
 * Nouns of the plans' field and of quantity (医疗卫生、基层、机构、总量…): part of a term (医疗卫生资源, 编制总量) but
 * never a term alone, and a term never cuts one in half (层卫生人 is no term).
 */
const BOUND_NOUNS = ['医疗卫生', '卫生健康', '基层', '医疗', '卫生', '机构', '健康', '总量', '数量', '总额'];

const PUNCTUATION = '[\\s，。；、：:（）()“”"‘’《》〈〉【】\\[\\]！？!?,.;·…—\\-0-9０-９a-zA-Z%％]+';
/** Single characters that join words (和、的、对…): a term never spans them. */
const JOINERS = '[和与及或并的在对按把将为由向于等给到其之该]';
const BREAK = new RegExp(`${ADMINISTRATIVE_WORDS.join('|')}|${PUNCTUATION}|${JOINERS}`, 'u');

/** A term in more than this share of the plan's tasks is the plan's topic (村卫生室 in a primary-care plan). */
const COMMON_SHARE = 0.2;
/** A two-character term is evidence only when this rare in the plan (at most 10% of the tasks, or two). */
const RARE_SHARE = 0.1;

/** A text cut into the runs between administrative words, joiners and punctuation (two characters or more). */
export function contentRuns(text: string): string[] {
  return text.split(BREAK).filter((run) => [...run].length >= 2);
}

/** Where the bound nouns stand in a run: [start, end) in characters. */
function nounSpans(chars: readonly string[]): [number, number][] {
  const run = chars.join('');
  const spans: [number, number][] = [];
  for (const noun of BOUND_NOUNS) {
    for (let at = run.indexOf(noun); at >= 0; at = run.indexOf(noun, at + 1)) {
      const start = [...run.slice(0, at)].length;
      spans.push([start, start + [...noun].length]);
    }
  }
  return spans;
}

/** The candidate terms of a duty text: every 2–6 character part of its runs that is not a bound noun nor cuts one. */
export function dutyTerms(duty: string): string[] {
  const terms = new Set<string>();
  for (const run of contentRuns(duty)) {
    const chars = [...run];
    const spans = nounSpans(chars);
    for (let size = 2; size <= Math.min(6, chars.length); size += 1) {
      for (let start = 0; start + size <= chars.length; start += 1) {
        const end = start + size;
        const term = chars.slice(start, end).join('');
        if (BOUND_NOUNS.includes(term)) continue;
        if (spans.some(([from, to]) => (from < start && start < to) || (from < end && end < to))) continue;
        terms.add(term);
      }
    }
  }
  return [...terms];
}

/** The plan's task texts cut into runs, once per list (the rollout asks for every task of a plan with the same list). */
const PLAN_RUNS = new WeakMap<readonly string[], readonly string[]>();
function planRunsOf(planTaskTexts: readonly string[]): readonly string[] {
  const known = PLAN_RUNS.get(planTaskTexts);
  if (known) return known;
  const runs = planTaskTexts.map((text) => contentRuns(text).join('\u0001'));
  PLAN_RUNS.set(planTaskTexts, runs);
  return runs;
}

/** Keeps the longest terms: 编制总量 makes 编制 redundant. */
function maximal(terms: readonly string[]): string[] {
  return terms.filter((term) => !terms.some((other) => other !== term && other.includes(term))).sort((a, b) => b.length - a.length || a.localeCompare(b, 'zh-CN'));
}

export interface DutyFit {
  readonly unit: string;
  /** The distinctive terms the duty and the task share, longest first; empty = the duty does not fit. */
  readonly sharedTerms: readonly string[];
  /** The duty says its unit leads the whole plan (总牵头、总负责): it fits every task. */
  readonly overallLead: boolean;
  /** The duty covers the document as a whole (根据该文件细化工作任务): it fits every task. */
  readonly planWide: boolean;
}

/** The plan-wide lead of a 职责分工 ("对…工作总牵头、总负责"). */
export function isOverallLead(duty: string): boolean {
  return /总牵头|总负责/u.test(duty);
}

/** A duty that speaks of the document itself (根据该文件进一步细化工作任务) concerns every task of it. */
export function isPlanWide(duty: string): boolean {
  return /(该|本)(文件|方案|计划|意见)/u.test(duty);
}

/**
 * How each 职责分工 entry fits one task (`taskText`: the task's title and full text), judged against all the
 * plan's tasks (`planTaskTexts`, the task included) so that the plan's own topic is not taken for a duty's. A
 * shared term counts when it is in at most a fifth of the tasks and is three characters or longer, or rare (at
 * most 10% of the tasks, or two). Pure and deterministic.
 */
export function dutyFits(taskText: string, duties: readonly PlanDutyInput[], planTaskTexts: readonly string[]): DutyFit[] {
  const runs = contentRuns(taskText).join('\u0001');
  const plan = planRunsOf(planTaskTexts);
  const tasks = Math.max(plan.length, 1);
  const inTasks = (term: string): number => plan.filter((text) => text.includes(term)).length;
  return duties.map((entry) => {
    const shared = dutyTerms(entry.duty).filter((term) => runs.includes(term));
    const evidence = shared.filter((term) => {
      const count = inTasks(term);
      // A term of one task only is never the plan's topic (small plans have few tasks).
      if (count > Math.max(1, COMMON_SHARE * tasks)) return false;
      return [...term].length >= 3 || count <= Math.max(2, RARE_SHARE * tasks);
    });
    return { unit: entry.unit.trim(), sharedTerms: maximal(evidence), overallLead: isOverallLead(entry.duty), planWide: isPlanWide(entry.duty) };
  });
}

/** Whether the duty fits the task at all. */
export function fits(fit: DutyFit): boolean {
  return fit.overallLead || fit.planWide || fit.sharedTerms.length > 0;
}

/** Why a 职责分工 unit was proposed for a task, in Chinese (shown in the draft next to the proposal). */
export function dutyFitReason(fit: DutyFit): string {
  if (fit.overallLead) return `职责分工规定${fit.unit}对本方案工作总牵头、总负责`;
  if (fit.planWide) return `职责分工规定${fit.unit}负责细化落实本方案全部工作任务`;
  return `职责分工所列${fit.unit}的职责与本任务相关（共同关键词：${fit.sharedTerms.slice(0, 4).join('、')}）`;
}

/** Why a unit the task's own text names was proposed. */
export function mentionedReason(unit: string): string {
  return `任务原文提及“${unit}”`;
}
