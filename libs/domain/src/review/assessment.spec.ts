import {
  assessYear,
  assignmentOutcome,
  competitionRanks,
  gradeOf,
  groupOf,
  proposeSanctions,
  scoreUnit,
  type AnnualAssessmentInput,
  type AssessedAssignment,
  type AssessedUnit,
} from './assessment';
import { DEFAULT_ASSESSMENT_RUBRIC, resolveAssessmentRubric, sanctionRuleText, validateAssessmentRubric, type AssessmentRubric } from './assessment-rubric';

const YEAR = 2026;
const AS_OF = '2026-12-31';

function task(overrides: Partial<AssessedAssignment> & Pick<AssessedAssignment, 'assignmentId'>): AssessedAssignment {
  return { unitId: 'u1', taskNumber: 1, taskTitle: '任务', responsibility: 'lead', status: 'in_progress', dueDate: '2026-06-30', completedDate: null, ...overrides };
}

function input(overrides: Partial<AnnualAssessmentInput>): AnnualAssessmentInput {
  return { year: YEAR, asOf: AS_OF, rubric: DEFAULT_ASSESSMENT_RUBRIC, units: [], assignments: [], notices: [], talks: [], ...overrides };
}

const dept = (unitId: string, unitName = unitId): AssessedUnit => ({ unitId, unitName, kind: 'department' });
const district = (unitId: string, unitName = unitId): AssessedUnit => ({ unitId, unitName, kind: 'district_government' });

describe('assignmentOutcome', () => {
  it('closed on or before the due date in the year is on time; after it, late', () => {
    expect(assignmentOutcome(task({ assignmentId: 'a', status: 'closed', completedDate: '2026-06-30' }), YEAR, AS_OF)).toBe('on_time');
    expect(assignmentOutcome(task({ assignmentId: 'a', status: 'closed', completedDate: '2026-07-01' }), YEAR, AS_OF)).toBe('late');
  });

  it('closed in another year gives nothing this year; closed after the assessment date was still open then', () => {
    expect(assignmentOutcome(task({ assignmentId: 'a', status: 'closed', dueDate: '2025-06-30', completedDate: '2025-06-01' }), YEAR, AS_OF)).toBeNull();
    expect(assignmentOutcome(task({ assignmentId: 'a', status: 'closed', completedDate: '2027-01-05' }), YEAR, AS_OF)).toBe('open_overdue');
    expect(assignmentOutcome(task({ assignmentId: 'a', status: 'closed', dueDate: '2027-03-01', completedDate: '2027-01-05' }), YEAR, AS_OF)).toBeNull();
  });

  it('open past its due date is overdue (whatever year it fell due); not yet due, or withdrawn/declined/reassigned, gives nothing', () => {
    expect(assignmentOutcome(task({ assignmentId: 'a', dueDate: '2025-03-01' }), YEAR, AS_OF)).toBe('open_overdue');
    expect(assignmentOutcome(task({ assignmentId: 'a', status: 'closure_requested', dueDate: '2026-12-30' }), YEAR, AS_OF)).toBe('open_overdue');
    expect(assignmentOutcome(task({ assignmentId: 'a', dueDate: AS_OF }), YEAR, AS_OF)).toBeNull();
    for (const status of ['withdrawn', 'declined', 'reassigned'] as const) expect(assignmentOutcome(task({ assignmentId: 'a', status }), YEAR, AS_OF)).toBeNull();
  });
});

describe('scoreUnit', () => {
  it('a unit with nothing to score keeps the base score (one line, the base)', () => {
    const result = scoreUnit(dept('u1'), input({ units: [dept('u1')] }));
    expect(result.score).toBe(100);
    expect(result.items).toEqual([{ code: 'base', reason: '基础分', points: 100, eventRef: null }]);
  });

  it('every line names its event; support tasks count at the support weight; lines add up to the score', () => {
    const assignments = [
      task({ assignmentId: 'a1', taskNumber: 1, status: 'closed', completedDate: '2026-05-01' }),
      task({ assignmentId: 'a2', taskNumber: 2, status: 'closed', completedDate: '2026-07-10' }),
      task({ assignmentId: 'a3', taskNumber: 3, dueDate: '2026-09-30' }),
      task({ assignmentId: 'a4', taskNumber: 4, responsibility: 'support', status: 'closed', completedDate: '2026-06-01' }),
      task({ assignmentId: 'a5', taskNumber: 5, responsibility: 'support', dueDate: '2026-10-31' }),
    ];
    const result = scoreUnit(
      dept('u1'),
      input({
        assignments,
        notices: [{ noticeId: 'n1', unitId: 'u1', assignmentId: 'a3', bulletinAsOf: '2026-12-31', bulletinTitle: '年末通报' }],
        talks: [
          { talkId: 't1', unitId: 'u1', assignmentId: 'a5', heldOn: '2026-11-20', status: 'held' },
          { talkId: 't2', unitId: 'u1', assignmentId: null, heldOn: '2026-11-25', status: 'proposed' },
        ],
      }),
    );
    // 100 + 1 (a1) − 2 (a2) − 3 (a3) + 0.5 (a4) − 1.5 (a5) − 3 (通报 on a3) − 2.5 (约谈 on support a5) = 89.5
    expect(result.items.map((item) => [item.code, item.points, item.eventRef])).toEqual([
      ['base', 100, null],
      ['on_time_closure', 1, 'assignment:a1'],
      ['late_closure', -2, 'assignment:a2'],
      ['open_overdue', -3, 'assignment:a3'],
      ['on_time_closure', 0.5, 'assignment:a4'],
      ['open_overdue', -1.5, 'assignment:a5'],
      ['bulletin', -3, 'notice:n1'],
      ['talk', -2.5, 'talk:t1'],
    ]);
    expect(result.score).toBe(89.5);
    expect(result.items.reduce((sum, item) => sum + item.points, 0)).toBeCloseTo(89.5, 9);
    expect(result.counts).toEqual({ onTime: 2, late: 1, openOverdue: 2, bulletins: 1, talks: 1 });
    expect(result.items[2]!.reason).toBe('任务2逾期办结（2026年7月10日，期限2026年6月30日）');
    expect(result.items[4]!.reason).toBe('任务4按时办结（2026年6月1日，期限2026年6月30日）（配合，按0.5倍计）');
    expect(result.items[6]!.reason).toBe('任务3被通报（年末通报）');
    expect(result.items[7]!.reason).toBe('被约谈（任务5）（2026年11月20日）（配合，按0.5倍计）');
  });

  it('events outside the year or after the assessment date do not count', () => {
    const result = scoreUnit(
      dept('u1'),
      input({
        asOf: '2026-12-15',
        notices: [
          { noticeId: 'n0', unitId: 'u1', assignmentId: 'x', bulletinAsOf: '2025-12-31', bulletinTitle: '' },
          { noticeId: 'n1', unitId: 'u1', assignmentId: 'x', bulletinAsOf: '2026-12-31', bulletinTitle: '' },
          { noticeId: 'n2', unitId: 'u2', assignmentId: 'x', bulletinAsOf: '2026-06-30', bulletinTitle: '' },
        ],
        talks: [
          { talkId: 't0', unitId: 'u1', assignmentId: null, heldOn: '2025-12-31', status: 'held' },
          { talkId: 't1', unitId: 'u1', assignmentId: null, heldOn: '2026-12-16', status: 'held' },
        ],
      }),
    );
    expect(result.score).toBe(100);
    expect(result.counts.bulletins + result.counts.talks).toBe(0);
  });

  it('held, rectification reported, verified and escalated talks count; proposed or cancelled do not', () => {
    const statuses = ['held', 'rectification_reported', 'verified', 'escalated', 'proposed', 'scheduled', 'cancelled'];
    const result = scoreUnit(dept('u1'), input({ talks: statuses.map((status, index) => ({ talkId: `t${index}`, unitId: 'u1', assignmentId: null, heldOn: '2026-03-01', status })) }));
    expect(result.counts.talks).toBe(4);
    expect(result.score).toBe(80);
  });

  it('caps: bonus at most maxBonus, deductions at most maxDeductions, never below minScore — each a line', () => {
    const closed = Array.from({ length: 12 }, (_, index) => task({ assignmentId: `c${index}`, taskNumber: index + 1, status: 'closed', completedDate: '2026-01-05' }));
    const bonus = scoreUnit(dept('u1'), input({ assignments: closed }));
    expect(bonus.score).toBe(110);
    expect(bonus.items.at(-1)).toEqual({ code: 'bonus_cap', reason: '加分12分超过上限10分，按上限计', points: -2, eventRef: null });

    const open = Array.from({ length: 25 }, (_, index) => task({ assignmentId: `o${index}`, taskNumber: index + 1 }));
    const deductions = scoreUnit(dept('u1'), input({ assignments: open }));
    expect(deductions.score).toBe(40);
    expect(deductions.items.at(-1)).toEqual({ code: 'deduction_cap', reason: '扣分75分超过上限60分，按上限计', points: 15, eventRef: null });

    const floor = scoreUnit(dept('u1'), input({ assignments: open, rubric: { ...DEFAULT_ASSESSMENT_RUBRIC, baseScore: 50, minScore: 0 } }));
    expect(floor.score).toBe(0);
    expect(floor.items.at(-1)).toEqual({ code: 'min_score', reason: '得分不低于最低分0分', points: 10, eventRef: null });
    expect(floor.items.reduce((sum, item) => sum + item.points, 0)).toBe(0);
  });

  it('a zero-point rule writes no line', () => {
    const rubric: AssessmentRubric = { ...DEFAULT_ASSESSMENT_RUBRIC, onTimeClosurePoints: 0 };
    const result = scoreUnit(dept('u1'), input({ rubric, assignments: [task({ assignmentId: 'a', status: 'closed', completedDate: '2026-01-05' })] }));
    expect(result.items).toHaveLength(1);
    expect(result.counts.onTime).toBe(1);
  });
});

describe('grades, groups and ranks', () => {
  it('grades by the thresholds (each threshold is inclusive)', () => {
    expect([95, 94.99, 85, 84.99, 70, 69.99, 0].map((score) => gradeOf(score, DEFAULT_ASSESSMENT_RUBRIC))).toEqual(['excellent', 'good', 'good', 'fair', 'fair', 'poor', 'poor']);
  });

  it('groups by unit kind; unlisted kinds fall into 其他单位', () => {
    expect(groupOf('department', DEFAULT_ASSESSMENT_RUBRIC).code).toBe('departments');
    expect(groupOf('party_body', DEFAULT_ASSESSMENT_RUBRIC).code).toBe('departments');
    expect(groupOf('district_government', DEFAULT_ASSESSMENT_RUBRIC).code).toBe('districts');
    expect(groupOf('management_committee', DEFAULT_ASSESSMENT_RUBRIC).code).toBe('districts');
    expect(groupOf('collective', DEFAULT_ASSESSMENT_RUBRIC)).toEqual({ code: 'other', label: '其他单位', kinds: [] });
  });

  it('competition ranking: equal scores share a rank and the next rank skips', () => {
    expect(competitionRanks([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
    expect(competitionRanks([])).toEqual([]);
    expect(competitionRanks([70, 70, 70])).toEqual([1, 1, 1]);
  });
});

describe('proposeSanctions', () => {
  it('two 约谈 or grade 较差 propose 取消年终评优资格, once, naming every rule that holds', () => {
    expect(proposeSanctions(DEFAULT_ASSESSMENT_RUBRIC, { grade: 'good', talks: 1, bulletins: 5 })).toEqual([]);
    expect(proposeSanctions(DEFAULT_ASSESSMENT_RUBRIC, { grade: 'good', talks: 2, bulletins: 0 })).toEqual([
      { kind: 'award_disqualification', kindLabel: '取消年终评优资格', rule: '年内被约谈2次及以上（被约谈2次）' },
    ]);
    expect(proposeSanctions(DEFAULT_ASSESSMENT_RUBRIC, { grade: 'poor', talks: 3, bulletins: 0 })).toEqual([
      { kind: 'award_disqualification', kindLabel: '取消年终评优资格', rule: '年内被约谈2次及以上（被约谈3次）；考核等次为较差' },
    ]);
  });

  it('rules are data (通报 count rule; no rules, no sanctions)', () => {
    const rubric: AssessmentRubric = { ...DEFAULT_ASSESSMENT_RUBRIC, sanctionRules: [{ kind: 'award_disqualification', when: 'bulletins_at_least', count: 3 }] };
    expect(proposeSanctions(rubric, { grade: 'poor', talks: 9, bulletins: 3 })[0]!.rule).toBe('年内被通报3次及以上（被通报3次）');
    expect(proposeSanctions({ ...DEFAULT_ASSESSMENT_RUBRIC, sanctionRules: [] }, { grade: 'poor', talks: 9, bulletins: 9 })).toEqual([]);
    expect(sanctionRuleText({ kind: 'award_disqualification', when: 'grade_in', grades: ['fair', 'poor'] })).toBe('考核等次为一般或较差');
  });
});

describe('assessYear', () => {
  it('ranks within groups and orders lines by group, rank, name', () => {
    const units = [dept('d1', '乙局'), dept('d2', '甲局'), dept('d3', '丙局'), district('r1', '东区'), district('r2', '西区'), { unitId: 'x', unitName: '各区', kind: 'collective' as const }];
    const assignments = [
      task({ assignmentId: 'a1', unitId: 'd1', status: 'closed', completedDate: '2026-06-01' }), // 101
      task({ assignmentId: 'a2', unitId: 'd2', status: 'closed', completedDate: '2026-06-01' }), // 101
      task({ assignmentId: 'a3', unitId: 'd3' }), // 97
      task({ assignmentId: 'a4', unitId: 'r1' }), // 97
      task({ assignmentId: 'a5', unitId: 'r2', responsibility: 'support' }), // 98.5
    ];
    const talks = ['t1', 't2'].map((talkId) => ({ talkId, unitId: 'r1', assignmentId: 'a4', heldOn: '2026-10-01', status: 'held' })); // r1: 97 − 10 = 87
    const lines = assessYear(input({ units, assignments, talks }));
    expect(lines.map((line) => [line.unitName, line.group, line.score, line.gradeLabel, line.rank, line.sanctions.length])).toEqual([
      ['乙局', 'departments', 101, '优秀', 1, 0],
      ['甲局', 'departments', 101, '优秀', 1, 0],
      ['丙局', 'departments', 97, '优秀', 3, 0],
      ['西区', 'districts', 98.5, '优秀', 1, 0],
      ['东区', 'districts', 87, '良好', 2, 1],
      ['各区', 'other', 100, '优秀', 1, 0],
    ]);
    expect(lines[4]!.sanctions[0]!.rule).toBe('年内被约谈2次及以上（被约谈2次）');
    expect(lines[0]!.groupLabel).toBe('市级部门');
  });

  it('is independent of input order', () => {
    const units = [dept('d1'), dept('d2'), district('r1')];
    const assignments = [task({ assignmentId: 'a1', unitId: 'd1' }), task({ assignmentId: 'a2', unitId: 'd2', taskNumber: 2 }), task({ assignmentId: 'a3', unitId: 'd2', taskNumber: 1, status: 'closed', completedDate: '2026-01-02' })];
    const forward = assessYear(input({ units, assignments }));
    const backward = assessYear(input({ units: [...units].reverse(), assignments: [...assignments].reverse() }));
    expect(backward).toEqual(forward);
  });
});

describe('validateAssessmentRubric', () => {
  it('accepts the defaults and a partial override', () => {
    expect(validateAssessmentRubric(DEFAULT_ASSESSMENT_RUBRIC)).toEqual([]);
    expect(validateAssessmentRubric({ talkPoints: 8, gradeThresholds: { excellent: 98 } })).toEqual([]);
    expect(resolveAssessmentRubric({ talkPoints: 8, gradeThresholds: { excellent: 98 } })).toMatchObject({ talkPoints: 8, baseScore: 100, gradeThresholds: { excellent: 98, good: 85, fair: 70 } });
    expect(resolveAssessmentRubric(null)).toEqual(DEFAULT_ASSESSMENT_RUBRIC);
  });

  it('names every problem in Chinese', () => {
    expect(
      validateAssessmentRubric({
        baseScore: '100' as unknown as number,
        supportWeight: 2,
        loginPoints: 1,
        gradeThresholds: { good: -1 },
        groups: [
          { code: 'a', label: '甲', kinds: ['department'] },
          { code: 'a', label: '', kinds: ['department', 'nowhere' as 'other'] },
        ],
        sanctionRules: [{ kind: 'demotion' as 'award_disqualification', when: 'talks_at_least', count: 0 }, { kind: 'award_disqualification', when: 'grade_in', grades: ['bad' as 'poor'] }, { kind: 'award_disqualification', when: 'logins' as 'grade_in', grades: [] }],
      } as never),
    ).toEqual([
      '考核细则没有“loginPoints”这一项',
      '考核细则的基础分须为0至1000之间的数值',
      '考核细则的配合单位权重须在0至1之间',
      '良好分数线须为0至1000之间的数值',
      '第2个考核分组的代码“a”重复或保留',
      '第2个考核分组的名称须为1至40字',
      '单位类别“部门”出现在多个考核分组中',
      '第2个考核分组的单位类别“nowhere”不存在',
      '第1条处理规则的处理方式只能是取消年终评优资格（award_disqualification）',
      '第1条处理规则的次数须为1至100的整数',
      '第2条处理规则的等次须从优秀、良好、一般、较差中选择',
      '第3条处理规则的条件只能是约谈次数（talks_at_least）、通报次数（bulletins_at_least）或等次（grade_in）',
    ]);
  });

  it('checks the merged rubric: thresholds in order, minimum not above base', () => {
    expect(validateAssessmentRubric({ gradeThresholds: { good: 96 } })).toEqual(['等次分数线须为优秀＞良好＞一般']);
    expect(validateAssessmentRubric({ minScore: 120 })).toEqual(['最低分不能高于基础分']);
    expect(validateAssessmentRubric([] as never)).toEqual(['考核细则须为对象']);
    expect(validateAssessmentRubric({ groups: [] })).toEqual(['考核分组须为非空列表']);
  });
});
