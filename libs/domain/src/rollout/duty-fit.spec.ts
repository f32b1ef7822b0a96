import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentRuns, dutyFitReason, dutyFits, dutyTerms, fits, isOverallLead, isPlanWide } from './duty-fit';
import type { PlanDutyInput, PlanInput, PlanTaskInput } from './plan-input';
import { planRollout } from './rollout-plan';

const ROOT = join(__dirname, '../../../..');

/**
 * 南通's plan (seeds/plans/000): 28 numbered tasks, none with a responsibility clause, and a 职责分工 section of
 * seven entries. The tasks are read from the document itself (number, title up to the first 。, full text), the
 * 职责分工 from the parser's gold output, as the rollout receives them.
 */
function nantong(): PlanInput {
  const text = readFileSync(join(ROOT, 'seeds/plans/000_4299291a12d9de5d.txt'), 'utf8');
  const body = text.slice(text.indexOf('三、主要任务'), text.indexOf('职责分工'));
  const tasks: PlanTaskInput[] = [];
  for (const line of body.split('\n')) {
    const match = /^(\d+)\.\s*(\S.*)$/u.exec(line.trim());
    if (!match) continue;
    const full = match[2]!;
    tasks.push({ number: Number(match[1]), title: full.slice(0, full.indexOf('。')), text: full, lead: [], units: [], deadlines: [] });
  }
  const gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/gold/000_4299291a12d9de5d.txt.json'), 'utf8')) as PlanInput;
  return { title: '南通市基层医疗卫生服务能力提升三年行动方案', period: { from: 2023, to: 2025 }, defaultImplementers: [], dutyDivision: gold.dutyDivision ?? [], tasks, breakdowns: [] };
}

const COUNTIES = '各县（市、区）政府（管委会）';
const DEPARTMENTS = ['发展改革部门', '财政部门', '人力资源社会保障部门', '机构编制部门', '卫生健康部门', '医疗保障部门'] as const;

describe('duty fit: terms', () => {
  it('cuts texts at administrative words and joiners, never inside a field noun', () => {
    expect(contentRuns('负责协调指导医疗卫生资源均衡布局和优质医疗资源扩容。')).toEqual(['医疗卫生资源均衡布局', '优质医疗资源扩容']);
    const terms = dutyTerms('协调指导医疗卫生资源均衡布局');
    expect(terms).toEqual(expect.arrayContaining(['医疗卫生资源', '资源均衡', '均衡布局', '布局']));
    // 医疗卫生 alone says nothing; 卫生资源 and 疗卫生 cut 医疗卫生 in half.
    expect(terms).not.toEqual(expect.arrayContaining(['医疗卫生']));
    expect(terms.filter((term) => ['卫生资源', '疗卫生', '疗卫生资源'].includes(term))).toEqual([]);
  });

  it('a quantity word is part of a term (编制总量), never one alone', () => {
    const terms = dutyTerms('合理核定并动态调整基层医疗卫生机构编制总量');
    expect(terms).toContain('编制总量');
    expect(terms).not.toContain('总量');
  });

  it('tells the plan-wide duties: 总牵头/总负责, and a duty over the document itself', () => {
    expect(isOverallLead('对辖区基层医疗卫生服务能力提升工作总牵头、总负责')).toBe(true);
    expect(isPlanWide('负责牵头制定基层医疗卫生发展规划，根据该文件进一步细化工作任务')).toBe(true);
    expect(isOverallLead('按政策规定落实财政经费保障工作。')).toBe(false);
    expect(isPlanWide('按政策规定落实财政经费保障工作。')).toBe(false);
  });

  it('a term most tasks use is the plan’s topic, not evidence', () => {
    const duties: PlanDutyInput[] = [{ unit: '教育部门', duty: '负责校园安全教育。' }];
    const plan = ['校园安全检查', '校园安全宣传', '校园安全演练', '消防检查'];
    expect(dutyFits('校园安全检查', duties, plan)[0]!.sharedTerms).toEqual([]);
  });
});

describe('duty fit on 南通 (seeds/plans/000), expectations from reading the document', () => {
  const plan = nantong();
  const texts = plan.tasks.map((task) => `${task.title}\n${task.text}`);
  const fitting = (number: number): string[] => {
    const task = plan.tasks.find((candidate) => candidate.number === number)!;
    return dutyFits(`${task.title}\n${task.text}`, plan.dutyDivision ?? [], texts)
      .filter(fits)
      .map((fit) => fit.unit);
  };

  it('reads 28 tasks and the seven 职责分工 entries', () => {
    expect(plan.tasks.map((task) => task.number)).toEqual(Array.from({ length: 28 }, (_, index) => index + 1));
    expect((plan.dutyDivision ?? []).map((entry) => entry.unit)).toEqual([COUNTIES, ...DEPARTMENTS]);
  });

  it('task 1 (优化卫生资源配置) is 发展改革部门’s: its duty is 医疗卫生资源均衡布局', () => {
    expect(fitting(1)).toContain('发展改革部门');
    for (const unit of ['财政部门', '人力资源社会保障部门', '机构编制部门', '医疗保障部门']) expect(fitting(1)).not.toContain(unit);
  });

  it('task 6 (加大人员培养引进力度): 财政 (加大财政支持力度), 编制 (卫生人才用编、乡村医生), 人社 (基层卫生人才引进)', () => {
    expect(fitting(6)).toEqual(expect.arrayContaining(['财政部门', '机构编制部门', '人力资源社会保障部门']));
    expect(fitting(6)).not.toContain('发展改革部门');
    expect(fitting(6)).not.toContain('医疗保障部门');
  });

  it('task 7 (待遇: 合理核定绩效工资总量) is 人社’s, whose duty says exactly that; 乡村医生 and 县级公立医院 posts concern 编制', () => {
    expect(fitting(7)).toEqual(expect.arrayContaining(['人力资源社会保障部门', '机构编制部门']));
    expect(fitting(7)).not.toContain('发展改革部门');
  });

  it('task 8 (动态调整乡镇卫生院人员编制总量) is 机构编制部门’s (核定并动态调整…编制总量)', () => {
    expect(fitting(8)).toContain('机构编制部门');
    for (const unit of ['发展改革部门', '财政部门', '医疗保障部门']) expect(fitting(8)).not.toContain(unit);
  });

  it('task 26 (签约服务费用由医保基金、基本公共卫生服务经费…分担) is 医保’s (分担家庭医生签约服务费用) and 财政’s (经费)', () => {
    expect(fitting(26)).toEqual(expect.arrayContaining(['医疗保障部门', '财政部门']));
    expect(fitting(26)).not.toContain('人力资源社会保障部门');
  });

  it('task 27 (医疗服务价格项目) is 医保’s (医疗服务价格动态调整机制)', () => {
    expect(fitting(27)).toContain('医疗保障部门');
  });

  it('clinical tasks (13 发热门诊, 20 传染病, 21 预防接种, 22 慢病, 23 精神卫生) fit no department’s own duty: only the plan-wide ones', () => {
    for (const number of [13, 20, 21, 22, 23]) expect(fitting(number)).toEqual([COUNTIES, '卫生健康部门']);
  });

  it('says why, in Chinese', () => {
    const task = plan.tasks.find((candidate) => candidate.number === 8)!;
    const fitsOf8 = dutyFits(`${task.title}\n${task.text}`, plan.dutyDivision ?? [], texts);
    expect(dutyFitReason(fitsOf8.find((fit) => fit.unit === '机构编制部门')!)).toBe('职责分工所列机构编制部门的职责与本任务相关（共同关键词：编制总量）');
    expect(dutyFitReason(fitsOf8.find((fit) => fit.unit === COUNTIES)!)).toBe(`职责分工规定${COUNTIES}对本方案工作总牵头、总负责`);
    expect(dutyFitReason(fitsOf8.find((fit) => fit.unit === '卫生健康部门')!)).toBe('职责分工规定卫生健康部门负责细化落实本方案全部工作任务');
  });

  it('the rollout proposes per task, not every department for every task; the counties lead; every proposal has its reason', () => {
    const rollout = planRollout(plan, { planId: 'nt' });
    const proposals = rollout.drafts.filter((draft) => draft.proposed);
    expect(proposals.length).toBeLessThan(plan.tasks.length * (plan.dutyDivision ?? []).length);
    expect(proposals.every((draft) => typeof draft.proposalReason === 'string' && draft.proposalReason.length > 0)).toBe(true);
    const task13 = rollout.drafts.filter((draft) => draft.taskNumber === 13).map((draft) => [draft.unitName, draft.responsibility]);
    expect(task13).toEqual([
      [COUNTIES, 'lead'],
      ['卫生健康部门', 'support'],
    ]);
    expect(rollout.drafts.filter((draft) => draft.taskNumber === 8).map((draft) => draft.unitName)).toContain('机构编制部门');
    expect(rollout.drafts.filter((draft) => draft.taskNumber === 8).map((draft) => draft.unitName)).not.toContain('财政部门');
  });
});
