import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LedgerRow } from './ledger-row';

/** The ledger's columns: Chinese headers, widths (characters) and where each value comes from. */
export const LEDGER_COLUMNS: readonly { header: string; width: number; value: (row: LedgerRow, index: number) => string | number }[] = [
  { header: '序号', width: 7, value: (_row, index) => index + 1 },
  { header: '任务编号', width: 9, value: (row) => row.taskNumber ?? '' },
  { header: '任务内容', width: 48, value: (row) => row.taskTitle ?? '' },
  { header: '牵头单位', width: 18, value: (row) => row.leadUnits },
  { header: '责任单位', width: 18, value: (row) => row.unitName },
  { header: '责任类型', width: 9, value: (row) => row.responsibilityLabel },
  { header: '区域', width: 12, value: (row) => row.region ?? '' },
  { header: '完成时限', width: 12, value: (row) => row.dueDate },
  { header: '序时进度', width: 10, value: (row) => row.paceLabel },
  { header: '进展情况', width: 40, value: (row) => row.progress },
  { header: '状态', width: 10, value: (row) => row.statusLabel },
  { header: '红黄绿灯', width: 9, value: (row) => row.lightLabel },
  { header: '督办等级', width: 10, value: (row) => row.escalationLevelLabel },
];

/** Fill colours of the 红黄绿灯 cell (ARGB). */
export const LIGHT_FILLS: Readonly<Record<string, string>> = { red: 'FFF4B6B6', yellow: 'FFFFE699', green: 'FFC6EFCE', neutral: 'FFE7E6E6' };

const LIGHT_COLUMN = LEDGER_COLUMNS.findIndex((column) => column.header === '红黄绿灯') + 1;

/**
 * Streams rows into an .xlsx on `output` (exceljs WorkbookWriter: each row is committed and leaves memory),
 * with a frozen bold header, an autofilter over the columns, widths and light colours. Returns the row count.
 */
export async function writeLedgerXlsx(rows: AsyncIterable<LedgerRow>, output: Writable, options: { sheetName?: string; title?: string } = {}): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Duban';
  if (options.title) workbook.title = options.title;
  const sheet = workbook.addWorksheet(options.sheetName ?? '台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LEDGER_COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LEDGER_COLUMNS.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.commit();
  let index = 0;
  for await (const row of rows) {
    const line = sheet.addRow(LEDGER_COLUMNS.map((column) => column.value(row, index)));
    const fill = LIGHT_FILLS[row.light];
    if (fill) line.getCell(LIGHT_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    line.commit();
    index++;
  }
  sheet.commit();
  await workbook.commit();
  return index;
}
