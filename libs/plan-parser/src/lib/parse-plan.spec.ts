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
