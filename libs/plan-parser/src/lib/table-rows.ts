import { DocLine } from './normalize-text';

/**
 * Table blocks as rows of cells, from three plain-text shapes:
 *  - "flattened" Word exports: one cell per line starting with a tab, rows separated
 *    by blank lines, wrapped cell text continuing on lines without the tab;
 *  - Markdown pipe tables;
 *  - tab-separated rows (two or more tabs on a line).
 */
export interface TableBlock {
  rows: string[][];
  /** Offset of each cell's text in the normalized text (parallel to `rows`). */
  at: number[][];
  startLine: number;
  endLine: number;
}

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
