import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanInput, PlanTaskInput } from './plan-input';
import { planRollout } from './rollout-plan';

function task(overrides: Partial<PlanTaskInput> & Pick<PlanTaskInput, 'number'>): PlanTaskInput {
  return { title: `任务${overrides.number}`, lead: [], units: [], deadlines: [], recurring: [], ...overrides };
}

function plan(overrides: Partial<PlanInput>): PlanInput {
  return { period: { from: 2025, to: 2027 }, defaultImplementers: [], dutyDivision: [], tasks: [], breakdowns: [], ...overrides };
}

describe('planRollout: units', () => {
  it('one draft per task × unit, lead 牵头 and support 配合, with readable keys and workflow ids', () => {
    const rollout = planRollout(
      plan({
        tasks: [
          task({
            number: 1,
            lead: ['市卫生健康委'],
            units: ['市卫生健康委', '发展改革委'],
            unitsResolved: ['市卫生健康委', '市发展改革委'],
            deadlines: [{ due: '2025-12-31', text: '到2025年底完成' }],
          }),
        ],
      }),
      { planId: 'p1' },
    );
    expect(rollout.drafts.map((d) => [d.key, d.workflowId, d.unitName, d.responsibility, d.source, d.proposed])).toEqual([
      ['p1/1/市卫生健康委/-', 'assignment:p1/1/市卫生健康委/-', '市卫生健康委', 'lead', 'clause', false],
      ['p1/1/市发展改革委/-', 'assignment:p1/1/市发展改革委/-', '市发展改革委', 'support', 'clause', false],
    ]);
    expect(rollout.warnings).toEqual([]);
  });

  it('maps a lead fragment to its resolved full name', () => {
    const rollout = planRollout(
      plan({ tasks: [task({ number: 1, lead: ['发展改革委'], units: ['市卫生健康委', '发展改革委'], unitsResolved: ['市卫生健康委', '市发展改革委'] })] }),
      { planId: 'p' },
    );
    expect(rollout.drafts.find((d) => d.unitName === '市发展改革委')?.responsibility).toBe('lead');
    expect(rollout.drafts.find((d) => d.unitName === '市卫生健康委')?.responsibility).toBe('support');
  });

  it('adds defaultImplementers to every task as support unless already listed', () => {
    const rollout = planRollout(
      plan({
        defaultImplementers: ['江北新区管委会'],
        tasks: [
          task({ number: 1, lead: ['市卫健委'], units: ['市卫健委'] }),
          task({ number: 2, lead: ['江北新区管委会'], units: ['江北新区管委会', '市卫健委'] }),
        ],
      }),
      { planId: 'p' },
    );
    expect(rollout.drafts.map((d) => [d.key, d.responsibility, d.source])).toEqual([
      ['p/1/市卫健委/-', 'lead', 'clause'],
      ['p/1/江北新区管委会/-', 'support', 'default_implementer'],
      ['p/2/江北新区管委会/-', 'lead', 'clause'],
      ['p/2/市卫健委/-', 'support', 'clause'],
    ]);
  });

  it('merges duplicate units in a task, lead wins', () => {
    const rollout = planRollout(
      plan({ tasks: [task({ number: 1, lead: ['市财政局'], units: ['市卫健委', '市财政局', '市卫健委', '市财政局'] })] }),
      { planId: 'p' },
    );
    expect(rollout.drafts.map((d) => [d.unitName, d.responsibility])).toEqual([
      ['市卫健委', 'support'],
      ['市财政局', 'lead'],
    ]);
  });

  it('expands collective units per district when the directory lists them', () => {
    const rollout = planRollout(
      plan({ tasks: [task({ number: 1, lead: ['市卫健委'], units: ['市卫健委', '各区人民政府', '各县（市、区）政府'] })] }),
      {
        planId: 'p',
        directory: { 各区人民政府: [{ region: '玄武区', unit: '玄武区人民政府' }, { region: '秦淮区', unit: '秦淮区人民政府' }] },
      },
    );
    expect(rollout.drafts.map((d) => [d.key, d.region, d.expandedFrom, d.unexpanded])).toEqual([
      ['p/1/市卫健委/-', null, null, false],
      ['p/1/玄武区人民政府/玄武区', '玄武区', '各区人民政府', false],
      ['p/1/秦淮区人民政府/秦淮区', '秦淮区', '各区人民政府', false],
      ['p/1/各县（市、区）政府/-', null, null, true],
    ]);
  });

  it('a plain district list serves every collective unit; a unit reached twice merges, lead wins', () => {
    const rollout = planRollout(
      plan({ tasks: [task({ number: 1, lead: ['各区人民政府'], units: ['各区人民政府', '各地'] })] }),
      { planId: 'p', directory: ['海安', '如皋'] },
    );
    expect(rollout.drafts.map((d) => [d.key, d.responsibility, d.expandedFrom])).toEqual([
      ['p/1/海安/海安', 'lead', '各区人民政府'],
      ['p/1/如皋/如皋', 'lead', '各区人民政府'],
    ]);
  });

  it('without a directory, collective units stay one draft flagged unexpanded', () => {
    const rollout = planRollout(plan({ tasks: [task({ number: 1, units: ['各区人民政府'], lead: ['各区人民政府'] })] }), { planId: 'p' });
    expect(rollout.drafts).toHaveLength(1);
    expect(rollout.drafts[0]).toMatchObject({ unitName: '各区人民政府', unexpanded: true, region: null });
  });

  it('tasks without a clause propose mentioned units (first = lead), each saying why', () => {
    const rollout = planRollout(
      plan({ tasks: [task({ number: 9, mentionedUnits: ['医保部门', '卫健部门', '医保部门'] })] }),
      { planId: 'p' },
    );
    expect(rollout.drafts.map((d) => [d.unitName, d.responsibility, d.proposed, d.source, d.proposalReason])).toEqual([
      ['医保部门', 'lead', true, 'mentioned', '任务原文提及“医保部门”'],
      ['卫健部门', 'support', true, 'mentioned', '任务原文提及“卫健部门”'],
    ]);
  });

  it('and the 职责分工 units whose duty fits the task (the 总牵头 one leads); a duty sharing nothing is not proposed; default implementers stay confirmed', () => {
    const rollout = planRollout(
      plan({
        defaultImplementers: ['市政府办'],
        dutyDivision: [
          { unit: '发展改革部门', duty: '负责协调。' },
          { unit: '财政部门', duty: '按政策规定落实财政经费保障工作。' },
          { unit: '各县（市、区）政府（管委会）', duty: '对辖区工作总牵头、总负责。' },
        ],
        tasks: [task({ number: 1, title: '加大财政支持力度' }), task({ number: 2, title: '建设发热门诊' }), task({ number: 3, title: '培训村医' })],
      }),
      { planId: 'p' },
    );
    expect(rollout.drafts.filter((d) => d.taskNumber === 1).map((d) => [d.unitName, d.responsibility, d.proposed, d.source, d.proposalReason])).toEqual([
      ['财政部门', 'support', true, 'duty_division', '职责分工所列财政部门的职责与本任务相关（共同关键词：财政）'],
      ['各县（市、区）政府（管委会）', 'lead', true, 'duty_division', '职责分工规定各县（市、区）政府（管委会）对本方案工作总牵头、总负责'],
      ['市政府办', 'support', false, 'default_implementer', null],
    ]);
    // 发热门诊 shares nothing with 财政经费: only the 总牵头 and the default implementer.
    expect(rollout.drafts.filter((d) => d.taskNumber === 2).map((d) => d.unitName)).toEqual(['各县（市、区）政府（管委会）', '市政府办']);
  });

  it('a task no mention or duty fits gets no proposal, and is reported as without a unit', () => {
    const rollout = planRollout(
      plan({ dutyDivision: [{ unit: '财政部门', duty: '按政策规定落实财政经费保障工作。' }], tasks: [task({ number: 4, title: '建设发热门诊' })] }),
      { planId: 'p' },
    );
    expect(rollout.drafts).toEqual([]);
    expect(rollout.warnings.map((w) => w.code)).toEqual(['no_units']);
  });

  it('a unit both proposed and a default implementer is confirmed', () => {
    const rollout = planRollout(
      plan({ defaultImplementers: ['卫健部门'], tasks: [task({ number: 1, mentionedUnits: ['卫健部门'] })] }),
      { planId: 'p' },
    );
    expect(rollout.drafts.map((d) => [d.unitName, d.responsibility, d.proposed])).toEqual([['卫健部门', 'lead', false]]);
  });

  it('warns about tasks with no units at all and skips them', () => {
    const rollout = planRollout(plan({ tasks: [task({ number: 4, title: '无主任务' })] }), { planId: 'p' });
    expect(rollout.drafts).toEqual([]);
    expect(rollout.warnings).toEqual([{ code: 'no_units', taskNumber: 4, text: '任务4“无主任务”没有责任单位，请协调人指定' }]);
  });

  it('gives repeated task numbers distinct keys and warns', () => {
    const rollout = planRollout(
      plan({ tasks: [task({ number: 1, units: ['甲'], lead: ['甲'] }), task({ number: 1, units: ['甲'], lead: ['甲'] })] }),
      { planId: 'p' },
    );
    expect(rollout.drafts.map((d) => d.key)).toEqual(['p/1/甲/-', 'p/1-2/甲/-']);
    expect(rollout.warnings[0]).toMatchObject({ code: 'duplicate_task_number', taskRef: '1-2' });
  });
});

describe('planRollout: milestones, targets and recurring duties', () => {
  it('milestones from deadlines, sorted and de-duplicated; the due date is the last one', () => {
    const rollout = planRollout(
      plan({
        tasks: [
          task({
            number: 1,
            units: ['甲'],
            lead: ['甲'],
            deadlines: [
              { due: '2026-12-31', text: 'B' },
              { due: '2025-06-30', text: 'A' },
              { due: '2026-12-31', text: 'B' },
              { due: '2025-13-01', text: 'bad' },
            ],
          }),
        ],
      }),
      { planId: 'p' },
    );
    expect(rollout.drafts[0]?.milestones).toEqual([
      { due: '2025-06-30', text: 'A', source: 'deadline' },
      { due: '2026-12-31', text: 'B', source: 'deadline' },
    ]);
    expect(rollout.drafts[0]?.dueDate).toBe('2026-12-31');
    expect(rollout.warnings).toEqual([expect.objectContaining({ code: 'invalid_deadline', due: '2025-13-01' })]);
  });

  it('no deadline → the plan period end; no period → the default, else a warning', () => {
    const noDeadline = task({ number: 1, units: ['甲'], lead: ['甲'] });
    expect(planRollout(plan({ tasks: [noDeadline] }), { planId: 'p' }).drafts[0]?.milestones).toEqual([
      { due: '2027-12-31', text: '方案实施期末（2027年底）', source: 'plan_period' },
    ]);
    expect(
      planRollout(plan({ period: null, tasks: [noDeadline] }), { planId: 'p', defaultDueDate: '2026-06-30' }).drafts[0]?.dueDate,
    ).toBe('2026-06-30');
    const none = planRollout(plan({ period: null, tasks: [noDeadline] }), { planId: 'p' });
    expect(none.drafts[0]?.dueDate).toBeNull();
    expect(none.warnings).toEqual([expect.objectContaining({ code: 'no_due_date', taskNumber: 1 })]);
  });

  it('recurring duties become obligations on every draft of the task; unknown cadences warn', () => {
    const rollout = planRollout(
      plan({
        tasks: [
          task({
            number: 1,
            units: ['甲', '乙'],
            lead: ['甲'],
            recurring: [
              { every: 'year', text: '每年培训' },
              { every: 'fortnight', text: '每半月' },
            ],
          }),
        ],
      }),
      { planId: 'p' },
    );
    for (const draft of rollout.drafts) expect(draft.recurring).toHaveLength(2);
    expect(rollout.warnings).toEqual([expect.objectContaining({ code: 'unknown_recurrence', every: 'fortnight' })]);
  });

  const breakdowns = [
    { table: '表（一）', region: '海安', metric: '新增社区医院数（家）', year: 2023, value: 1 },
    { table: '表（一）', region: '海安', metric: '新增社区医院数（家）', year: 2024, value: 0 },
    { table: '表（一）', region: '如皋', metric: '新增社区医院数（家）', year: 2023, value: 2 },
    { table: '表（二）', region: '海安', metric: '改扩建（个）', year: 2025, value: 3 },
  ];

  it('breakdown cells become per-region target drafts with numeric targets and yearly milestones', () => {
    const rollout = planRollout(plan({ breakdowns }), { planId: 'p', directory: { 各县市区: [{ region: '海安', unit: '海安市人民政府' }] } });
    expect(rollout.drafts.map((d) => [d.key, d.kind, d.unitName, d.region, d.dueDate])).toEqual([
      ['p/表（一）/海安市人民政府/海安', 'target', '海安市人民政府', '海安', '2024-12-31'],
      ['p/表（一）/如皋/如皋', 'target', '如皋', '如皋', '2023-12-31'],
      ['p/表（二）/海安市人民政府/海安', 'target', '海安市人民政府', '海安', '2025-12-31'],
    ]);
    expect(rollout.drafts[0]?.targets).toEqual([
      { table: '表（一）', region: '海安', metric: '新增社区医院数（家）', year: 2023, value: 1 },
      { table: '表（一）', region: '海安', metric: '新增社区医院数（家）', year: 2024, value: 0 },
    ]);
    expect(rollout.drafts[0]?.milestones).toEqual([
      { due: '2023-12-31', text: '2023年目标：新增社区医院数（家） 1', source: 'breakdown' },
      { due: '2024-12-31', text: '2024年目标：新增社区医院数（家） 0', source: 'breakdown' },
    ]);
    expect(rollout.warnings).toEqual([expect.objectContaining({ code: 'region_unit_unresolved', region: '如皋' })]);
  });

  it('a table linked to a task attaches targets to that task’s district drafts', () => {
    const rollout = planRollout(
      plan({
        breakdowns,
        tasks: [
          task({ number: 5, units: ['市卫健委', '各县（市、区）政府'], lead: ['市卫健委'], deadlines: [{ due: '2025-12-31', text: '到2025年底' }] }),
        ],
      }),
      {
        planId: 'p',
        breakdownTasks: { '表（一）': 5 },
        directory: { '各县（市、区）政府': [{ region: '海安', unit: '海安市政府' }] },
      },
    );
    expect(rollout.drafts.map((d) => [d.key, d.targets.length])).toEqual([
      ['p/5/市卫健委/-', 0],
      ['p/5/海安市政府/海安', 2],
      ['p/表（一）/如皋/如皋', 1], // no district draft for 如皋 in task 5
      ['p/表（二）/海安市政府/海安', 1], // table not linked
    ]);
    expect(rollout.drafts[1]?.milestones.map((m) => [m.due, m.source])).toEqual([
      ['2023-12-31', 'breakdown'],
      ['2024-12-31', 'breakdown'],
      ['2025-12-31', 'deadline'],
    ]);
  });

  it('is deterministic', () => {
    const input = plan({ breakdowns, tasks: [task({ number: 1, units: ['各地', '甲'], lead: ['甲'] })] });
    const options = { planId: 'p', directory: ['海安', '如皋'] };
    expect(planRollout(input, options)).toEqual(planRollout(input, options));
  });
});

describe('planRollout on the seed gold files', () => {
  const gold = (name: string): PlanInput =>
    JSON.parse(readFileSync(join(__dirname, '../../../../tests/fixtures/gold', name), 'utf8')) as PlanInput;

  it('南京 (002): default implementers on every task, 各区人民政府 expanded by the directory', () => {
    const nanjing = gold('002_cc373f70ccc640b3.txt.json');
    const rollout = planRollout(nanjing, {
      planId: 'nj',
      directory: { 各区人民政府: [{ region: '玄武区', unit: '玄武区人民政府' }, { region: '江宁区', unit: '江宁区人民政府' }] },
    });
    for (const t of nanjing.tasks) {
      const drafts = rollout.drafts.filter((d) => d.taskNumber === t.number);
      expect(drafts.map((d) => d.unitName)).toEqual(expect.arrayContaining(['江北新区管委会', '玄武区人民政府', '江宁区人民政府']));
      expect(drafts.filter((d) => d.responsibility === 'lead').length).toBeGreaterThanOrEqual(1);
      for (const draft of drafts) expect(draft.dueDate).toBe('2030-12-31');
    }
    expect(rollout.drafts.some((d) => d.unexpanded)).toBe(false);
    expect(new Set(rollout.drafts.map((d) => d.key)).size).toBe(rollout.drafts.length);
  });

  it('南通 (000): no clauses → 职责分工 proposals where the duty fits (see duty-fit.spec); breakdown tables → region targets', () => {
    const nantong = gold('000_4299291a12d9de5d.txt.json');
    const rollout = planRollout(nantong, { planId: 'nt' });
    const task1 = rollout.drafts.filter((d) => d.taskNumber === 1);
    // 优化卫生资源配置: the 总牵头 counties, 卫生健康部门 (its duty details every task of the document), and
    // 发展改革部门 (资源…布局); not 财政, 人社, 编制 or 医保, whose duties say nothing of resources.
    expect(task1.map((d) => d.unitName)).toEqual(['各县（市、区）政府（管委会）', '发展改革部门', '卫生健康部门']);
    expect(task1.every((d) => d.proposed && d.source === 'duty_division' && d.proposalReason !== null)).toBe(true);
    expect(task1.find((d) => d.responsibility === 'lead')?.unitName).toBe('各县（市、区）政府（管委会）');
    const targets = rollout.drafts.filter((d) => d.kind === 'target');
    expect(targets.reduce((sum, d) => sum + d.targets.length, 0)).toBe(nantong.breakdowns?.length);
  });

  it('004: mentioned units become proposals; tasks with nothing are reported', () => {
    const plan004 = gold('004_49691a3758a8940d.txt.json');
    const rollout = planRollout(plan004, { planId: 'x' });
    expect(rollout.drafts.filter((d) => d.taskNumber === 9).map((d) => [d.unitName, d.proposed])).toEqual([['医保部门', true]]);
    expect(rollout.warnings.filter((w) => w.code === 'no_units').map((w) => ('taskNumber' in w ? w.taskNumber : 0))).toEqual([
      1, 2, 3, 10, 11, 13, 19,
    ]);
  });
});
