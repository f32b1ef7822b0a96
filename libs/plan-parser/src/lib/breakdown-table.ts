import { DocLine } from './normalize-text';
import { readCellStreams, readTables, TableBlock } from './table-rows';
import { BreakdownCell, ParseWarning } from './types';

/**
 * Region × year target tables (任务分解表). The header rows are rebuilt into column
 * descriptors (metric group + year, merged cells spread over the columns they span),
 * data rows give one cell per region × metric × year, and printed 合计 rows/columns
 * are checked against the sums; a table that does not add up is reported as a warning.
 * Columns left of the year columns whose header spans both header rows (1995年招生人数,
 * 扩招) are not targets. Tables with one row per year (年份 | 区域 | 面积) give the region
 * from their text column and one metric per number column.
 */
const YEAR_CELL = /^((?:19|20)\d{2})\s?年?(?:度)?$/;
const TOTAL_CELL = /^(?:合\s?计|小\s?计|总\s?计|合计数|全\s?市|全\s?区|全\s?县)$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const EMPTY = /^(?:|-|—|－|–|\/|／|无)$/;

interface Column {
  group: number;
  year: number | null;
  total: boolean;
}

function isDataRow(r: string[]): boolean {
  if (r.length < 2) return false;
  const label = r[0];
  if (!label || NUMBER.test(label) || YEAR_CELL.test(label)) return false;
  const rest = r.slice(1);
  return rest.some((c) => NUMBER.test(c)) && rest.every((c) => NUMBER.test(c) || EMPTY.test(c) || /^\d+(?:\.\d+)?%$/.test(c));
}

function tableTitle(lines: DocLine[], t: TableBlock): string {
  for (let i = t.startLine - 1; i >= Math.max(0, t.startLine - 4); i--) {
    const s = lines[i].text;
    if (!s) continue;
    if (/表/.test(s) && s.length <= 60) return s.replace(/^附件\s?\d{0,2}\s?[：:]?\s*/, '');
  }
  return '';
}

/** Spread header cells of one row over `groups` groups (merged cells). */
function spread(cells: string[], groups: number): string[] | null {
  let c = cells;
  if (c.length === groups + 1 || (c.length > 1 && groups % (c.length - 1) === 0 && c.length - 1 <= groups && c.length - 1 > 0)) {
    c = c.slice(1); // drop the corner cell (地区 / 类别 / blank)
  }
  if (c.length === 0 || groups % c.length !== 0) return null;
  const span = groups / c.length;
  const out: string[] = [];
  for (const x of c) for (let k = 0; k < span; k++) out.push(x);
  return out;
}

/** A cell with the offset and length of its value in the normalized text. */
export type LocatedCell = Omit<BreakdownCell, 'sourceRange'> & { at: number; length: number };

const PERCENT = /^\d+(?:\.\d+)?%$/;

/** Rows keyed by year (年份 | 区域 | 面积…); null when the table is not of that shape. */
function analyzeYearRows(t: TableBlock, title: string): LocatedCell[] | null {
  const first = t.rows.findIndex((r) => YEAR_CELL.test(r[0] ?? ''));
  if (first <= 0) return null;
  const data = t.rows.slice(first);
  if (data.length < 2 || !data.every((r) => YEAR_CELL.test(r[0]))) return null;
  const width = data.reduce((w, r) => Math.max(w, r.length), 0);
  const header = t.rows.slice(0, first).filter((r) => r.length === width);
  if (header.length === 0) return null;
  const isText = (c: string | undefined): boolean => !!c && !NUMBER.test(c) && !EMPTY.test(c) && !YEAR_CELL.test(c) && !PERCENT.test(c);
  let regionCol = -1;
  for (let j = 1; j < width && regionCol < 0; j++) if (data.every((r) => isText(r[j]))) regionCol = j;
  if (regionCol < 0) return null; // years × indicators with no region: not a breakdown
  const cells: LocatedCell[] = [];
  for (let j = 1; j < width; j++) {
    if (j === regionCol) continue;
    if (!data.every((r) => NUMBER.test(r[j] ?? '') || EMPTY.test(r[j] ?? '')) || !data.some((r) => NUMBER.test(r[j] ?? ''))) continue;
    const metric = header.map((r) => r[j]).join('') || title;
    data.forEach((r, k) => {
      if (!NUMBER.test(r[j])) return;
      const at = t.at[first + k] ?? [];
      cells.push({ table: title, region: r[regionCol], metric, year: parseInt(YEAR_CELL.exec(r[0])![1], 10), value: parseFloat(r[j]), at: at[j] ?? at[0] ?? 0, length: r[j].length });
    });
  }
  return cells;
}

export function analyzeTable(t: TableBlock, title: string, warnings: ParseWarning[]): LocatedCell[] {
  const byYear = analyzeYearRows(t, title);
  if (byYear) return byYear;
  const first = t.rows.findIndex(isDataRow);
  if (first <= 0) return [];
  const header = t.rows.slice(0, first);
  const dataAt = t.at.slice(first).filter((_, k) => t.rows[first + k].length > 1);
  const data = t.rows.slice(first).filter((r) => r.length > 1);
  const width = data.reduce((w, r) => Math.max(w, r.length), 0);
  const n = width - 1;
  const yearRowIdx = header.map((r) => r.some((c) => YEAR_CELL.test(c))).lastIndexOf(true);
  if (yearRowIdx < 0) return [];
  const yearRow = header[yearRowIdx];
  // A year row narrower than the data: the year columns are the rightmost ones, and the
  // columns before them are headed by cells spanning the header rows above (rowspan).
  const lead = Math.max(0, n - yearRow.length);
  if (lead > 0 && (yearRowIdx === 0 || header.slice(0, yearRowIdx).some((r) => r.length < lead + 2 && r.length !== n + 1))) {
    warnings.push({ code: 'table-shape', message: `表“${title}”的表头列数（${yearRow.length}）少于数据列数（${n}），未解析 / header narrower than data` });
    return [];
  }
  const colCells = yearRow.slice(Math.max(0, yearRow.length - n));
  const cols: Column[] = [];
  for (let k = 0; k < lead; k++) cols.push({ group: -1, year: null, total: false });
  let group = 0;
  let prevYear: number | null = null;
  let prevTotal = false;
  for (const c of colCells) {
    const y = YEAR_CELL.exec(c);
    const year = y ? parseInt(y[1], 10) : null;
    const total = TOTAL_CELL.test(c.replace(/\s/g, ''));
    if (cols.length > lead && (prevTotal || (year !== null && prevYear !== null && year <= prevYear))) group++;
    cols.push({ group, year, total });
    if (year !== null) prevYear = year;
    prevTotal = total;
  }
  const groups = group + 1;
  const metrics: string[] = new Array(groups).fill('');
  for (let h = 0; h < yearRowIdx; h++) {
    // One header cell per value column (merged cells repeated, e.g. TSV): take each group's first column.
    const perColumn = header[h].length === n + 1 ? cols.map((c, ci) => ({ g: c.group, v: header[h][ci + 1] })) : null;
    const spreadCells = perColumn
      ? Array.from({ length: groups }, (_, g) => perColumn.find((x) => x.g === g)?.v ?? '')
      : spread(lead > 0 ? header[h].slice(1 + lead) : header[h], groups);
    if (!spreadCells) {
      warnings.push({ code: 'table-shape', message: `表“${title}”的表头无法与 ${groups} 组年度列对齐，未解析 / cannot align header row ${h + 1}` });
      return [];
    }
    spreadCells.forEach((x, g) => (metrics[g] += x));
  }
  for (let g = 0; g < groups; g++) if (!metrics[g]) metrics[g] = title;

  const cells: LocatedCell[] = [];
  const colSums = new Array<number>(n).fill(0);
  let totalRow: string[] | null = null;
  for (let ri = 0; ri < data.length; ri++) {
    const r = data[ri];
    const rAt = dataAt[ri] ?? [];
    const region = r[0].replace(/\s+/g, '');
    const values = r.slice(1);
    if (TOTAL_CELL.test(region)) {
      totalRow = values;
      continue;
    }
    // Row totals: a 合计 column must equal its group's year cells.
    const groupSums = new Map<number, number>();
    values.forEach((v, ci) => {
      const col = cols[ci];
      if (!col || !NUMBER.test(v)) return;
      const value = parseFloat(v);
      colSums[ci] += value;
      if (col.total) {
        const sum = groupSums.get(col.group) ?? 0;
        if (Math.abs(sum - value) > 1e-9) {
          warnings.push({ code: 'table-total-mismatch', message: `表“${title}”${region}“${metrics[col.group]}”合计为 ${value}，分年之和为 ${sum} / row total does not add up` });
        }
        return;
      }
      if (col.year === null) return;
      groupSums.set(col.group, (groupSums.get(col.group) ?? 0) + value);
      cells.push({ table: title, region: r[0], metric: metrics[col.group], year: col.year, value, at: rAt[ci + 1] ?? rAt[0] ?? 0, length: v.length });
    });
  }
  if (totalRow) {
    totalRow.forEach((v, ci) => {
      if (!NUMBER.test(v) || !cols[ci] || cols[ci].group < 0) return;
      const value = parseFloat(v);
      if (Math.abs(colSums[ci] - value) > 1e-6) {
        const col = cols[ci];
        warnings.push({
          code: 'table-total-mismatch',
          message: `表“${title}”“${metrics[col.group]}”${col.year ?? '合计'}列合计为 ${value}，各地区之和为 ${Math.round(colSums[ci] * 1000) / 1000} / column total does not add up`,
        });
      }
    });
  }
  return cells;
}

export function findBreakdowns(lines: DocLine[], warnings: ParseWarning[]): LocatedCell[] {
  const out: LocatedCell[] = [];
  for (const t of readTables(lines)) {
    if (t.rows.length < 2) continue;
    out.push(...analyzeTable(t, tableTitle(lines, t), warnings));
  }
  for (const t of readCellStreams(lines)) {
    const title = t.caption ?? '';
    if (t.irregular) {
      if (/(?:19|20)\d{2}\s?年/.test(lines.slice(t.startLine, t.endLine).map((l) => l.text).join('')))
        warnings.push({ code: 'table-shape', message: `表“${title}”逐格成段且有合并或折行的单元格，未解析 / cell-per-paragraph table with merged cells, not read` });
      continue;
    }
    out.push(...analyzeTable(t, title, warnings));
  }
  return out;
}
