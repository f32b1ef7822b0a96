import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One unit's line as the assessment table shows it (labels already resolved). */
export interface AssessmentTableLine {
  readonly unitName: string;
  readonly groupLabel: string;
  readonly score: number;
  readonly gradeLabel: string;
  readonly rank: number;
  readonly items: readonly { readonly reason: string; readonly points: number }[];
  /** The sanction proposed or decided for the unit, in words ('' when none). */
  readonly sanction: string;
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : `${points}`;
}

/** Every score line but the base, one per text line: "任务3逾期未办结（…）-3". */
export function scoreDetail(items: AssessmentTableLine['items']): string {
  return items
    .slice(1)
    .map((item) => `${item.reason} ${signed(item.points)}`)
    .join('\n');
}

export const ASSESSMENT_COLUMNS: readonly { header: string; width: number; value: (line: AssessmentTableLine, index: number) => string | number }[] = [
  { header: '序号', width: 7, value: (_line, index) => index + 1 },
  { header: '单位', width: 22, value: (line) => line.unitName },
  { header: '类别', width: 12, value: (line) => line.groupLabel },
  { header: '得分', width: 9, value: (line) => line.score },
  { header: '等级', width: 8, value: (line) => line.gradeLabel },
  { header: '排名', width: 7, value: (line) => line.rank },
  { header: '扣分/加分明细', width: 70, value: (line) => scoreDetail(line.items) || '无' },
  { header: '处理', width: 30, value: (line) => line.sanction },
];

const DETAIL_COLUMN = ASSESSMENT_COLUMNS.findIndex((column) => column.header === '扣分/加分明细') + 1;

/**
 * The assessment table (.xlsx) on `output`: a frozen bold header, Chinese headers, widths, the score
 * details wrapped one line each. Lines come in display order (group, rank). Returns the line count.
 */
export async function writeAssessmentXlsx(lines: readonly AssessmentTableLine[], output: Writable, options: { title: string; sheetName?: string }): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Duban';
  workbook.title = options.title;
  const sheet = workbook.addWorksheet(options.sheetName ?? '考核结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ASSESSMENT_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ASSESSMENT_COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  lines.forEach((line, index) => {
    const row = sheet.addRow(ASSESSMENT_COLUMNS.map((column) => column.value(line, index)));
    row.getCell(DETAIL_COLUMN).alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  });
  sheet.commit();
  await workbook.commit();
  return lines.length;
}
