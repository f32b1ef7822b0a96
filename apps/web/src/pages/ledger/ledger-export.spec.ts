import type { AssignmentSummary } from '../../api/resources/assignments.api';
import { csvCell, ledgerCsv } from './ledger-export';

const item: AssignmentSummary = {
  id: 'a1',
  planId: 'p1',
  taskNumber: 3,
  taskTitle: '建设统一受理平台, "一网通办"',
  unitName: '市卫健委',
  responsibility: 'lead',
  region: null,
  status: 'in_progress',
  light: 'red',
  lightReasons: [{ code: 'overdue', text: '已逾期5天' }],
  dueDate: '2026-06-30',
  percent: 40,
  escalationLevel: 'supervise',
  talkCount: 0,
  proposed: false,
  updatedAt: '2026-07-01T00:00:00Z',
};

describe('ledger CSV', () => {
  it('writes Chinese labels and dates, quoting commas and quotes, with a BOM for Excel', () => {
    const csv = ledgerCsv([item]);
    expect(csv.startsWith('\uFEFF任务序号,任务,责任单位')).toBe(true);
    expect(csv).toContain('3,"建设统一受理平台, ""一网通办""",市卫健委,牵头,,办理中,红灯,已逾期5天,2026年6月30日,40%,督办,0');
  });

  it('never lets a cell start a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('普通文字')).toBe('普通文字');
  });
});
