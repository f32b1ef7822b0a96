import { actionBody, reportableTargets } from './action-body';

const targets = [
  { metric: '新增公共充电桩', year: 2026, target: 1200, unit: '个', actual: null },
  { metric: '新增公共充电桩', year: 2027, target: 1500, unit: '个' },
  // An API without per-target actuals: `value`, no `target` — no actual asked for.
  { metric: '覆盖率', year: 2026, value: 90, unit: '%' },
  { metric: null, year: 2026, target: 3 },
];

describe('actionBody', () => {
  it('sends a report with uploaded files as evidence, links apart, and the actuals filled in', () => {
    const body = actionBody(
      'reportProgress',
      {
        percent: 40,
        text: '  已建成充电桩860个  ',
        links: [' https://www.example.gov.cn/a.pdf ', ''],
        files: [{ id: 'f1', fileName: '验收报告.pdf', contentType: 'application/pdf', size: 1024 }],
        actuals: [860, undefined],
      },
      targets,
    );
    expect(body).toEqual({
      percent: 40,
      text: '已建成充电桩860个',
      evidenceLinks: ['https://www.example.gov.cn/a.pdf'],
      evidence: [{ kind: 'file', fileId: 'f1' }],
      actuals: [{ metric: '新增公共充电桩', year: 2026, value: 860 }],
    });
  });

  it('leaves evidence and actuals out when there are none (an API without them accepts the body)', () => {
    expect(actionBody('reportProgress', { text: '推进中', actuals: [] }, targets)).toEqual({ text: '推进中' });
    expect(actionBody('requestClosure', { summary: '已完成', files: [] })).toEqual({ summary: '已完成' });
  });

  it('sends a 约谈 with its exception reason only when one was given', () => {
    expect(actionBody('triggerTalk', { reason: ' 逾期未办结 ' })).toEqual({ reason: '逾期未办结' });
    expect(actionBody('triggerTalk', { reason: '群众反映强烈', overrideReason: ' 市委督查组交办 ' })).toEqual({ reason: '群众反映强烈', overrideReason: '市委督查组交办' });
    expect(actionBody('withdraw', { reason: '方案调整', overrideReason: '不该出现' })).toEqual({ reason: '方案调整' });
  });

  it('asks for actuals only for targets with a metric, a year and a target value', () => {
    expect(reportableTargets(targets).map((target) => `${target.metric}/${target.year}`)).toEqual(['新增公共充电桩/2026', '新增公共充电桩/2027']);
    expect(reportableTargets(undefined)).toEqual([]);
  });
});
