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

  it("uses the API's own gate when the preview carries one", () => {
    const gate = { ok: false, problems: [{ code: 'unknown_unit', message: '“市大数据中心”不在单位目录中', printed: '市大数据中心' }] };
    expect(publishGate({ ...clean, gate }, true)).toBe(gate);
  });
});
