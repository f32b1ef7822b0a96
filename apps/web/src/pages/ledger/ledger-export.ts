import { assignmentsApi, type AssignmentFilter, type AssignmentSort, type AssignmentSummary } from '../../api/resources/assignments.api';
import { formatDate } from '../../shared/format-date';
import { escalationLabel, lightLabel, responsibilityLabel, statusLabel } from '../../shared/labels';

/** Rows one export may hold (beyond that, narrow the filters). */
export const EXPORT_LIMIT = 10_000;
const PAGE = 500;

const COLUMNS: readonly [string, (item: AssignmentSummary) => string][] = [
  ['任务序号', (item) => (item.taskNumber === null ? '' : String(item.taskNumber))],
  ['任务', (item) => item.taskTitle ?? '目标任务'],
  ['责任单位', (item) => item.unitName],
  ['责任类型', (item) => responsibilityLabel(item.responsibility, item.responsibilityLabel)],
  ['区域', (item) => item.region ?? ''],
  ['状态', (item) => statusLabel(item.status, item.statusLabel)],
  ['灯', (item) => lightLabel(item.light, item.lightLabel)],
  ['亮灯原因', (item) => item.lightReasons.map((reason) => reason.text).join('；')],
  ['办理期限', (item) => formatDate(item.dueDate)],
  ['完成进度', (item) => (item.percent === null ? '' : `${item.percent}%`)],
  ['督办级别', (item) => (item.escalationLevel ? escalationLabel(item.escalationLevel, item.escalationLevelLabel) : '')],
  ['约谈次数', (item) => String(item.talkCount)],
];

/** One CSV cell; a leading = + - @ is neutralised so a spreadsheet never runs user text as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function ledgerCsv(items: readonly AssignmentSummary[]): string {
  const lines = [COLUMNS.map(([title]) => title).join(','), ...items.map((item) => COLUMNS.map(([, cell]) => csvCell(cell(item))).join(','))];
  // The BOM makes Excel read the file as UTF-8 (Chinese intact).
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The export hook of the ledger: today it pages through the list API with the
 * current filters and writes CSV in the browser; when the API offers the .xlsx
 * ledger export, this function downloads that instead.
 */
export async function exportLedger(filter: AssignmentFilter, sort: AssignmentSort, onProgress: (done: number, total: number) => void): Promise<{ file: Blob; rows: number; truncated: boolean }> {
  const items: AssignmentSummary[] = [];
  let total = 0;
  do {
    const page = await assignmentsApi.list({ ...filter, sort, limit: PAGE, offset: items.length });
    total = page.total;
    items.push(...page.items);
    onProgress(items.length, Math.min(total, EXPORT_LIMIT));
    if (page.items.length === 0) break;
  } while (items.length < Math.min(total, EXPORT_LIMIT));
  return { file: new Blob([ledgerCsv(items)], { type: 'text/csv;charset=utf-8' }), rows: items.length, truncated: total > items.length };
}

export function download(file: Blob, name: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
