import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { ASSESSMENT_COLUMNS, scoreDetail, writeAssessmentXlsx, type AssessmentTableLine } from './assessment-xlsx.writer';

async function written(lines: readonly AssessmentTableLine[]): Promise<{ count: number; sheet: ExcelJS.Worksheet }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await writeAssessmentXlsx(lines, output, { title: '2026年度考核' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { count, sheet: workbook.getWorksheet('考核结果')! };
}

const base = { reason: '基础分', points: 100 };

describe('writeAssessmentXlsx (考核结果 .xlsx)', () => {
  it('writes Chinese headers, a frozen header, widths and one line per unit with its score details', async () => {
    const { count, sheet } = await written([
      { unitName: '市发改委', groupLabel: '市级部门', score: 101, gradeLabel: '优秀', rank: 1, items: [base, { reason: '任务1按时办结（2026-05-01，期限2026-06-30）', points: 1 }], sanction: '' },
      { unitName: '东区', groupLabel: '区县政府', score: 87, gradeLabel: '良好', rank: 1, items: [base, { reason: '任务2逾期未办结', points: -3 }, { reason: '被约谈', points: -10 }], sanction: '取消年终评优资格（待决定）' },
      { unitName: '西区', groupLabel: '区县政府', score: 100, gradeLabel: '优秀', rank: 1, items: [base], sanction: '' },
    ]);
    expect(count).toBe(3);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '单位', '类别', '得分', '等级', '排名', '扣分/加分明细', '处理']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([2, '东区', '区县政府', 87, '良好', 1, '任务2逾期未办结 -3\n被约谈 -10', '取消年终评优资格（待决定）']);
    expect(sheet.getRow(4).getCell(7).value).toBe('无');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(7).width).toBe(70);
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(ASSESSMENT_COLUMNS).toHaveLength(8);
  });

  it('lists the score details without the base line', () => {
    expect(scoreDetail([base, { reason: '甲', points: 1.5 }, { reason: '乙', points: -2 }])).toBe('甲 +1.5\n乙 -2');
    expect(scoreDetail([base])).toBe('');
  });
});
