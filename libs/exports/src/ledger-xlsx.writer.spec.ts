import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { LedgerRow } from './ledger-row';
import { LEDGER_COLUMNS, LIGHT_FILLS, writeLedgerXlsx } from './ledger-xlsx.writer';

function row(overrides: Partial<LedgerRow>): LedgerRow {
  return {
    taskNumber: 1, taskTitle: '建设统一受理平台', leadUnits: '市卫健委', unitName: '市卫健委', responsibilityLabel: '牵头', region: null,
    dueDate: '2026-12-31', paceLabel: '达进度', progress: '50%：平台已完成招标', statusLabel: '办理中', light: 'green', lightLabel: '绿灯', escalationLevelLabel: '',
    ...overrides,
  };
}

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function written(rows: readonly LedgerRow[]): Promise<{ count: number; sheet: ExcelJS.Worksheet }> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const count = await writeLedgerXlsx(from(rows), output, { sheetName: '台账' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return { count, sheet: workbook.getWorksheet('台账')! };
}

describe('writeLedgerXlsx (台账 .xlsx)', () => {
  it('writes Chinese headers, one numbered line per row, a frozen header, a filter, widths and light colours', async () => {
    const { count, sheet } = await written([
      row({}),
      row({ taskNumber: 2, unitName: '市财政局', responsibilityLabel: '配合', region: '崇川区', light: 'red', lightLabel: '红灯', paceLabel: '欠进度', escalationLevelLabel: '督办', statusLabel: '办理中' }),
    ]);
    expect(count).toBe(2);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(LEDGER_COLUMNS.map((column) => column.header));
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['序号', '任务编号', '任务内容']);
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([2, 2, '建设统一受理平台', '市卫健委', '市财政局', '配合', '崇川区', '2026-12-31', '欠进度', '50%：平台已完成招标', '办理中', '红灯', '督办']);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(3).width).toBe(48);
    const light = LEDGER_COLUMNS.findIndex((column) => column.header === '红黄绿灯') + 1;
    expect((sheet.getRow(3).getCell(light).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LIGHT_FILLS.red);
    expect((sheet.getRow(2).getCell(light).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(LIGHT_FILLS.green);
    expect(sheet.getRow(1).font?.bold).toBe(true);
  });

  it('writes only the header for an empty list', async () => {
    const { count, sheet } = await written([]);
    expect(count).toBe(0);
    expect(sheet.rowCount).toBe(1);
  });
});
