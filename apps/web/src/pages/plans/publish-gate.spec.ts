import { publishGate } from './publish-gate';

const clean = { assignments: 12, proposed: [], withoutDueDate: [], warnings: [] };

describe('publishGate', () => {
  it('passes a preview without problems', () => {
    expect(publishGate(clean, false)).toEqual({ ok: true, problems: [] });
  });

  it('lists tasks without a due date and unconfirmed proposals', () => {
    const gate = publishGate({ ...clean, withoutDueDate: [3], proposed: [{ taskNumber: 5, unitName: '市卫健委', responsibility: 'lead' }] }, false);
    expect(gate.ok).toBe(false);
    expect(gate.problems.map((problem) => problem.code)).toEqual(['no_due_date', 'proposals_unconfirmed']);
    expect(publishGate({ ...clean, proposed: [{ taskNumber: 5, unitName: '市卫健委', responsibility: 'lead' }] }, true).ok).toBe(true);
  });

  it("shows the API's problems, less the proposals the user confirmed", () => {
    const problems = [
      { code: 'unit_unresolved', message: '任务1任务的责任单位“市养老服务工作专班”未在单位目录中确定；请映射到已有单位或新建单位' },
      { code: 'proposals_unconfirmed', taskNumber: 2, message: '第2项任务没有责任条款，其责任单位系推断得出，需协调人确认' },
    ];
    expect(publishGate({ ...clean, problems }, false)).toEqual({ ok: false, problems });
    expect(publishGate({ ...clean, problems }, true)).toEqual({ ok: false, problems: [problems[0]] });
    expect(publishGate({ ...clean, withoutDueDate: [3], problems: [] }, false)).toEqual({ ok: true, problems: [] });
  });

  it("uses the API's own gate when the preview carries one", () => {
    const gate = { ok: false, problems: [{ code: 'unknown_unit', message: '“市大数据中心”不在单位目录中', printed: '市大数据中心' }] };
    expect(publishGate({ ...clean, gate }, true)).toBe(gate);
  });
});
