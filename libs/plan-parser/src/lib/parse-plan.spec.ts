import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanParseError } from './errors';
import { parsePlanText } from './parse-plan';

const fixture = (name: string) => readFileSync(join(__dirname, '../__fixtures__', name), 'utf8');

describe('parsePlanText on synthetic plans', () => {
  it('county plan: （1） tasks under （一） sections, three clause styles', () => {
    const plan = parsePlanText(fixture('synthetic-county-air.md'), { document: 'air.md' });
    expect(plan.title).toBe('青川县大气污染防治攻坚行动方案（2024—2026年）');
    expect(plan.period).toEqual({ from: 2024, to: 2026 });
    expect(plan.tasks.map((t) => t.label)).toEqual(['（1）', '（2）', '（3）', '（4）']);
    expect(plan.tasks[0].section).toBe('（一）深化工业污染治理');
    expect(plan.tasks[0].lead).toEqual(['县经信局']);
    expect(plan.tasks[0].deadlines.map((d) => d.due)).toEqual(['2024-06-30', '2025-06-30', '2025-12-31']);
    expect(plan.tasks[1].lead).toEqual(['县生态环境局']);
    expect(plan.tasks[1].recurring.map(({ every, text }) => ({ every, text }))).toEqual([{ every: 'quarter', text: '每季度更新一次' }]);
    expect(plan.tasks[2].unitsResolved).toEqual(['县公安局', '县交通运输局', '县生态环境局']);
    expect(plan.tasks[3].unitsResolved).toEqual(['县生态环境局', '县住房城乡建设局', '县交通运输局']);
    expect(plan.tasks[3].deadlines).toEqual([]);
    expect(plan.reviewMechanism.length).toBeGreaterThan(0);
    expect(plan.sanctions).toEqual(['通报批评', '约谈']);
  });

  it('city plan behind a covering notice, 1、 labels, first-comma lead rule', () => {
    const plan = parsePlanText(fixture('synthetic-city-renewal.txt'), { document: 'renewal.txt' });
    expect(plan.title).toBe('绍兴市城市更新行动计划');
    expect(plan.docNumber).toBe('绍政办发〔2024〕12号');
    expect(plan.issuer).toBe('绍兴市人民政府办公室');
    expect(plan.tasks).toHaveLength(3);
    expect(plan.tasks[0].unitsResolved).toEqual(['市建设局', '市财政局', '各区政府', '县（市）政府']);
    expect(plan.tasks[0].lead).toEqual(['市建设局', '市财政局']);
    expect(plan.tasks[0].recurring.map((r) => r.every)).toEqual(['year']);
    expect(plan.tasks[1].deadlines.map((d) => d.due)).toEqual(['2026-06-30']);
    expect(plan.sanctions).toEqual(['约谈', '通报']);
    const unknown = plan.warnings.filter((w) => w.code === 'unknown-unit').map((w) => w.message);
    expect(unknown.some((m) => m.includes('市水务集团'))).toBe(true);
    expect(plan.tasks[1].unitRefs.find((u) => u.name === '市水务集团')?.canonical).toBeNull();
  });
});

describe('garbage in', () => {
  const code = (fn: () => unknown): string => {
    try {
      fn();
    } catch (e) {
      if (e instanceof PlanParseError) return e.code;
      throw e;
    }
    return 'ok';
  };

  it('rejects empty, binary and task-less text with a clear code', () => {
    expect(code(() => parsePlanText('  \n\u3000\n', { document: 'a' }))).toBe('empty');
    let bin = '';
    for (let i = 0; i < 5000; i++) bin += String.fromCharCode((i * 7919) % 256);
    expect(code(() => parsePlanText(bin, { document: 'b' }))).toBe('binary');
    expect(code(() => parsePlanText('只有一段话，没有编号任务。\n'.repeat(1000), { document: 'c' }))).toBe('no-tasks');
  });

  it('survives a large file of one repeated line and mismatched brackets', () => {
    const line = '1. 加强建设（（（责任单位：市卫健委）。到2025年完成（每年\n';
    const plan = parsePlanText(line.repeat(20000), { document: 'd' });
    expect(plan.tasks.length).toBe(20000);
    expect(plan.warnings.some((w) => w.code === 'duplicate-task-number')).toBe(true);
    const plan2 = parsePlanText('二、重点任务\n1. 任务）））（（（。（责任单位：市财政局\n2. 第二项。）', { document: 'e' });
    expect(plan2.tasks).toHaveLength(2);
    expect(plan2.tasks[0].responsibleRaw).toBeNull();
  });

  it('handles one 2 MB line without a newline', () => {
    const plan = () => parsePlanText('关于印发'.repeat(500000), { document: 'f' });
    expect(code(plan)).toBe('no-tasks');
  });
});

describe('a covering notice with 牵头单位/配合单位 clauses, inline 牵头…配合 and 市直 units', () => {
  const plan = parsePlanText(fixture('synthetic-digital-government.txt'), { document: 'synthetic-digital-government.txt' });

  it('reads the header of the plan behind the notice', () => {
    expect(plan.title).toBe('呼和浩特市推进数字政府建设三年行动方案（2024—2026年）');
    expect(plan.docNumber).toBe('呼政办发〔2024〕12号');
    expect(plan.period).toEqual({ from: 2024, to: 2026 });
    expect(plan.sanctions).toEqual(['约谈']);
  });

  it('separates lead and supporting units in every clause style', () => {
    expect(plan.tasks.map((task) => [task.number, task.lead, task.unitsResolved])).toEqual([
      [1, ['市政务服务局'], ['市政务服务局', '市财政局', '市工信局', '各旗县区人民政府']],
      [2, ['市大数据中心'], ['市大数据中心', '市政务服务局', '市公安局']],
      [3, ['市政务服务局'], ['市政务服务局', '各旗县区人民政府']],
      [4, ['市政务服务局'], ['市政务服务局', '市直各部门']],
    ]);
  });

  it('dates a bare 年底前 by the issue year, and keeps 每季度/每年 as recurring duties', () => {
    expect(plan.tasks.map((task) => task.deadlines.map((deadline) => deadline.due))).toEqual([['2024-12-31', '2025-06-30'], ['2025-12-31'], ['2026-12-31'], ['2024-12-31']]);
    expect(plan.tasks.map((task) => task.recurring.map((duty) => duty.every))).toEqual([[], ['quarter'], [], ['year']]);
  });
});

describe('structure decides which level holds the tasks', () => {
  it('takes tasks numbered 1. 2. … running on across （一）（二） sub-headings, not the sub-headings', () => {
    const text = [
      '关于推进某项工程的实施意见',
      '　　一、总体目标',
      '　　1.目标。2012年起5年内完成。',
      '　　二、实施行动计划',
      '　　（一）产业提升行动计划。实施如下重点项目：',
      '　　2.紧缺人才开发项目。5年内引进1万名人才。（牵头单位：市发展改革委，配合单位：市财政局、市商务局，各区、县级市）',
      '　　3.企业家培养项目。选拔100名后备人才。（牵头单位：市委组织部，配合单位：市国资委）',
      '　　（二）科技创新行动计划。实施如下重点项目：',
      '　　4.百人计划项目。引进200名领军人才。（牵头单位：市委组织部）',
    ].join('\n');
    const plan = parsePlanText(text, { document: 'gz.txt' });
    expect(plan.tasks.map((t) => [t.number, t.section, t.title])).toEqual([
      [2, '（一）产业提升行动计划', '紧缺人才开发项目'],
      [3, '（一）产业提升行动计划', '企业家培养项目'],
      [4, '（二）科技创新行动计划', '百人计划项目'],
    ]);
    expect(plan.tasks[0].unitsResolved).toEqual(['市发展改革委', '市财政局', '市商务局', '各区', '县级市']);
    expect(plan.tasks[0].deadlines).toMatchObject([{ due: '2016-12-31', relative: true }]);
  });

  it('gives （一） tasks under 一、 headings their heading as section, and keeps a closing paragraph out of the last task', () => {
    const text = [
      '某县养老服务行动方案（2024—2026年）',
      '二、完善服务网络',
      '（一）建设服务中心。2025年底前建成。（责任单位：县民政局）',
      '三、提升机构能力',
      '（一）推进机构改革。（责任单位：县民政局、县财政局）',
      '本方案自印发之日起施行，有效期至2026年12月31日。',
    ].join('\n');
    const plan = parsePlanText(text, { document: 'county.txt' });
    expect(plan.tasks.map((t) => [t.label, t.section])).toEqual([
      ['（一）', '二、完善服务网络'],
      ['（一）', '三、提升机构能力'],
    ]);
    expect(plan.tasks[1].deadlines).toEqual([]);
    expect(plan.tasks[1].responsibleRaw).toBe('县民政局、县财政局');
  });

  it('takes the tasks from the attachment when the body lists none', () => {
    const text = [
      '某市考评办法',
      '一、考评对象',
      '各部门。',
      '附件：某市考评指标',
      '一、政务服务',
      '1．开通全程网办。（6月底完成，牵头考核单位：市审批服务局）',
      '2．升级热线。（持续推进，牵头考核单位：市政府办公室、市公安局）',
    ].join('\n');
    const plan = parsePlanText(text, { document: 'kp.txt' });
    expect(plan.tasks.map((t) => [t.number, t.lead, t.deadlines.map((d) => d.due)])).toEqual([
      [1, ['市审批服务局'], []],
      [2, ['市政府办公室', '市公安局'], []],
    ]);
  });

  it('rates a numbered item without a clause among clause-bearing ones lower, and says why', () => {
    const text = ['某市行动方案', '二、重点任务', '1.甲项工作。（责任单位：市财政局）', '2.乙项工作。推进乙项改革试点。', '3.丙项工作。（责任单位：市民政局）'].join('\n');
    const plan = parsePlanText(text, { document: 'c.txt' });
    expect(plan.tasks.map((t) => t.number)).toEqual([1, 2, 3]);
    expect(plan.tasks[1].confidence!).toBeLessThan(plan.tasks[0].confidence!);
    expect(plan.tasks[1].reason).toContain('缺责任条款');
  });
});

describe('where the body ends in published national documents', () => {
  it('keeps the last task whose clause is followed by a closing remark and the signature', () => {
    const text = [
      '国务院关于做好促进就业工作的若干意见',
      '国发〔2018〕39号',
      '一、落实各方责任',
      '（一）落实地方政府责任。各地要建立工作机制。（各省级人民政府负责）',
      '（二）履行社会责任。要引导困难企业稳定岗位。（各有关部门和单位，各省级人民政府按职责分工负责）',
      '各地贯彻落实本意见的有关情况，要及时报送人力资源社会保障部。',
      '国务院',
      '2018年11月16日',
      '（此件公开发布）',
    ].join('\n');
    const plan = parsePlanText(text, { document: 'employment.txt' });
    expect(plan.issuer).toBe('国务院');
    expect(plan.tasks.map((t) => [t.label, t.unitsResolved])).toEqual([
      ['（一）', ['各省级人民政府']],
      ['（二）', ['各有关部门和单位', '各省级人民政府']],
    ]);
    expect(plan.tasks[1].text).not.toContain('国务院');
  });

  it('ends a clause-less plan at 以上意见如无不妥, 附： or the closing signature', () => {
    const text = [
      '关于某项工作的请示',
      '一、逐年扩招',
      '（一）扩大招生规模。至1998年达到2000名。',
      '（二）各有关省（市）人民政府应高度重视。',
      '以上意见如无不妥，请批转各有关省（市）人民政府执行。',
      '附：扩大招生计划表',
      '国家教委',
      '一九九六年五月十三日',
    ].join('\n');
    const plan = parsePlanText(text, { document: 'request.txt' });
    expect(plan.tasks.map((t) => t.label)).toEqual(['（一）', '（二）']);
    expect(plan.tasks[1].mentionedUnits).toEqual(['各有关省（市）人民政府']);
    expect(plan.tasks[1].text).not.toContain('批转');
    const signed = parsePlanText(['某项工作意见', '一、主要任务', '（一）扩大规模。', '（二）加强领导。', '国家教委', '一九九六年五月十三日'].join('\n'), { document: 'signed.txt' });
    expect(signed.tasks.map((t) => t.text)).toEqual(['（一）扩大规模。', '（二）加强领导。']);
    // A date line with no signing body above it is a milestone inside a task.
    const milestone = parsePlanText(['某项工作意见', '一、主要任务', '（一）扩大规模。', '2024年6月30日', '完成首批建设。', '（二）加强领导。'].join('\n'), { document: 'milestone.txt' });
    expect(milestone.tasks.map((t) => t.text)).toEqual(['（一）扩大规模。\n2024年6月30日\n完成首批建设。', '（二）加强领导。']);
  });

  it('does not continue a 1. 2. 3. list with a bare decimal (4.42)', () => {
    const text = ['某区实施方案', '一、重点任务', '3.编制系统方案。（责任单位：区建设管理委）', '4.42', '北部科技驿站（徐行片区）', '4.推进项目建设。（责任单位：区水务局）'].join('\n');
    expect(parsePlanText(text, { document: 'decimal.txt' }).tasks.map((t) => t.title)).toEqual(['编制系统方案', '推进项目建设']);
  });

  it('keeps a cell-per-paragraph table out of the task before it and reads its cells', () => {
    const text = [
      '某区实施方案',
      '一、重点任务',
      '3.编制系统方案。聚焦重点区域。（责任单位：区建设管理委）',
      '表2 系统方案编制计划表',
      '年份', '编制区域', '面积（平方公里）',
      '2024年', '徐行片区', '4.42',
      '2025年', '马陆社区', '1.38',
      '4.推进项目建设。新建项目全面落实要求。（责任单位：区水务局）',
    ].join('\n');
    const plan = parsePlanText(text, { document: 'district.txt' });
    expect(plan.tasks.map((t) => [t.label, t.unitsResolved])).toEqual([
      ['3.', ['区建设管理委']],
      ['4.', ['区水务局']],
    ]);
    expect(plan.breakdowns.map((b) => [b.region, b.year, b.value])).toEqual([
      ['徐行片区', 2024, 4.42],
      ['马陆社区', 2025, 1.38],
    ]);
  });
});
