import { checkReassignTarget } from './reassign-policy';

describe('改派 target', () => {
  const holders = [
    { unitId: '市数据局', status: 'in_progress' as const },
    { unitId: '市财政局', status: 'closed' as const },
  ];

  it('accepts a unit that holds no assignment of the task', () => {
    expect(checkReassignTarget('市发展改革委', holders)).toEqual({ ok: true });
    expect(checkReassignTarget('市发展改革委', [])).toEqual({ ok: true });
  });

  it('refuses a unit that already holds the task, whatever its status, with the reason', () => {
    expect(checkReassignTarget(' 市数据局 ', holders)).toEqual({
      ok: false,
      code: 'reassign_to_holder',
      reason: '“市数据局”已承担该任务（其任务状态：办理中），不能改派给它；请改派给其他单位，或撤销本单位的任务',
    });
    expect(checkReassignTarget('市财政局', holders)).toMatchObject({ ok: false, code: 'reassign_to_holder' });
  });
});
