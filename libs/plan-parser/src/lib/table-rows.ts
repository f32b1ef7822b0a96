import { parseLabel } from './labels';
import { DocLine } from './normalize-text';

/**
 * Table blocks as rows of cells, from four plain-text shapes:
 *  - "flattened" Word exports: one cell per line starting with a tab, rows separated
 *    by blank lines, wrapped cell text continuing on lines without the tab;
 *  - Markdown pipe tables;
 *  - tab-separated rows (two or more tabs on a line);
 *  - cell streams from web pages: a caption "表1 …表", then one paragraph per cell, row
 *    after row (see readCellStreams).
 */
export interface TableBlock {
  rows: string[][];
  /** Offset of each cell's text in the normalized text (parallel to `rows`). */
  at: number[][];
  startLine: number;
  endLine: number;
  /** A cell stream whose rows could not be told apart (merged or wrapped cells): no rows. */
  irregular?: boolean;
  /** The caption line of a cell stream. */
  caption?: string;
}

/** A table caption standing alone: 表1 嘉定区海绵城市系统方案编制计划表. */
const CAPTION = /^表\s?\d{1,2}[\s\u3000]*[^\s。；]{2,40}$/;
/** Lines that end a cell stream: the next numbered item, note, figure or table, or a task's clause. */
const STREAM_END = /^(?:注\s?\d?[：:]|图\s?\d|表\s?\d|附件|附表|[（(【〔]?(?:责任|牵头|配合)(?:单位|部门)[：:])/;
const YEAR_KEY = /^(?:19|20)\d{2}\s?年?(?:度)?$/;
const STREAM_HEADER_CELL = /^[^。；，,]{1,30}$/;

const CELL_LINE = /^[ \u3000]*\t[^\t]*$/;

function cleanCell(s: string): string {
  return s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

/** Cells of `raw` split on `sep`, with the offset of each cleaned cell (line at `base`). */
function splitCells(raw: string, sep: string, base: number): { cells: string[]; at: number[] } {
  const cells: string[] = [];
  const at: number[] = [];
  let pos = 0;
  for (const part of raw.split(sep)) {
    const lead = /^[\s\u3000]*/.exec(part)![0].length;
    cells.push(cleanCell(part));
    at.push(base + pos + lead);
    pos += part.length + sep.length;
  }
  return { cells, at };
}

export function readTables(lines: DocLine[]): TableBlock[] {
  const out: TableBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i].raw;
    if (/^\s*\|/.test(raw)) {
      const start = i;
      const rows: string[][] = [];
      const at: number[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i].raw)) {
        const line = lines[i].raw;
        const open = line.indexOf('|');
        const inner = line.slice(open + 1).replace(/\|\s*$/, '');
        const r = splitCells(inner, '|', lines[i].start + open + 1);
        if (!r.cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) {
          rows.push(r.cells);
          at.push(r.at);
        }
        i++;
      }
      out.push({ rows, at, startLine: start, endLine: i });
      continue;
    }
    if (!CELL_LINE.test(raw) && (raw.match(/\t/g)?.length ?? 0) >= 2) {
      const start = i;
      const rows: string[][] = [];
      const at: number[][] = [];
      while (i < lines.length && !CELL_LINE.test(lines[i].raw) && (lines[i].raw.match(/\t/g)?.length ?? 0) >= 2) {
        const r = splitCells(lines[i].raw, '\t', lines[i].start);
        rows.push(r.cells);
        at.push(r.at);
        i++;
      }
      out.push({ rows, at, startLine: start, endLine: i });
      continue;
    }
    if (CELL_LINE.test(raw)) {
      const start = i;
      const rows: string[][] = [];
      const at: number[][] = [];
      let row: string[] = [];
      let rowAt: number[] = [];
      let blank = 0;
      while (i < lines.length) {
        const r = lines[i].raw;
        if (CELL_LINE.test(r)) {
          if (blank > 0 && row.length) {
            rows.push(row);
            at.push(rowAt);
            row = [];
            rowAt = [];
          }
          blank = 0;
          row.push(cleanCell(r));
          rowAt.push(lines[i].start + /^[\s\u3000]*/.exec(r)![0].length);
        } else if (r.trim() === '') {
          blank++;
        } else if (blank === 0 && row.length) {
          row[row.length - 1] += cleanCell(r); // wrapped cell text
        } else break;
        i++;
      }
      if (row.length) {
        rows.push(row);
        at.push(rowAt);
      }
      out.push({ rows, at, startLine: start, endLine: i });
      continue;
    }
    i++;
  }
  return out;
}

/**
 * Cell streams: a caption line, then one paragraph per cell. The header cells run up to
 * the first row key (a year cell such as 2024年); the header's width is the row width, and
 * the stream is read as rows only when every row has that width and starts with a key.
 * Other streams (merged or wrapped cells) are returned as irregular: their lines are still
 * a table, not task text.
 */
export function readCellStreams(lines: DocLine[]): TableBlock[] {
  const out: TableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cap = lines[i].text;
    if (!cap || cap.length > 44 || !CAPTION.test(cap)) continue;
    const cells: string[] = [];
    const at: number[] = [];
    let j = i + 1;
    let last = i;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (!l.text) continue;
      if (l.raw.includes('\t') || /^\s*\|/.test(l.raw) || STREAM_END.test(l.text) || parseLabel(l.text.slice(0, 20))) break;
      cells.push(l.text);
      at.push(l.textStart);
      last = j;
    }
    // A caption followed by prose is not a stream: the header cells must be short names.
    const firstKey = cells.findIndex((c) => YEAR_KEY.test(c));
    const headerCells = firstKey > 0 ? cells.slice(0, firstKey) : cells.slice(0, 2);
    if (cells.length < 4 || !headerCells.every((c) => STREAM_HEADER_CELL.test(c))) continue;
    const block: TableBlock = { rows: [], at: [], startLine: i, endLine: last + 1, caption: cap };
    const width = firstKey;
    const body = cells.length - width;
    const regular = width >= 2 && body > 0 && body % width === 0 && cells.every((c, k) => k < width || (k - width) % width !== 0 || YEAR_KEY.test(c));
    if (regular) {
      for (let k = 0; k < cells.length; k += width) {
        block.rows.push(cells.slice(k, k + width));
        block.at.push(at.slice(k, k + width));
      }
    } else block.irregular = true;
    out.push(block);
    i = last;
  }
  return out;
}

const streamCache = new WeakMap<DocLine[], Set<number>>();

/** Indices of the lines that belong to cell streams (caption included), computed once per document. */
export function cellStreamLines(lines: DocLine[]): Set<number> {
  let set = streamCache.get(lines);
  if (!set) {
    set = new Set<number>();
    for (const t of readCellStreams(lines)) for (let i = t.startLine; i < t.endLine; i++) set.add(i);
    streamCache.set(lines, set);
  }
  return set;
}
