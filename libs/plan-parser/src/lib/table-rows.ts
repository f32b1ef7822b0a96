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
  startLine: number;
  endLine: number;
}

const CELL_LINE = /^[ \u3000]*\t[^\t]*$/;

function cleanCell(s: string): string {
  return s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
}

export function readTables(lines: DocLine[]): TableBlock[] {
  const out: TableBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i].raw;
    if (/^\s*\|/.test(raw)) {
      const start = i;
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|/.test(lines[i].raw)) {
        const r = lines[i].raw.trim().replace(/^\||\|$/g, '').split('|').map(cleanCell);
        if (!r.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) rows.push(r);
        i++;
      }
      out.push({ rows, startLine: start, endLine: i });
      continue;
    }
    if (!CELL_LINE.test(raw) && (raw.match(/\t/g)?.length ?? 0) >= 2) {
      const start = i;
      const rows: string[][] = [];
      while (i < lines.length && !CELL_LINE.test(lines[i].raw) && (lines[i].raw.match(/\t/g)?.length ?? 0) >= 2) {
        rows.push(lines[i].raw.split('\t').map(cleanCell));
        i++;
      }
      out.push({ rows, startLine: start, endLine: i });
      continue;
    }
    if (CELL_LINE.test(raw)) {
      const start = i;
      const rows: string[][] = [];
      let row: string[] = [];
      let blank = 0;
      while (i < lines.length) {
        const r = lines[i].raw;
        if (CELL_LINE.test(r)) {
          if (blank > 0 && row.length) {
            rows.push(row);
            row = [];
          }
          blank = 0;
          row.push(cleanCell(r));
        } else if (r.trim() === '') {
          blank++;
        } else if (blank === 0 && row.length) {
          row[row.length - 1] += cleanCell(r); // wrapped cell text
        } else break;
        i++;
      }
      if (row.length) rows.push(row);
      out.push({ rows, startLine: start, endLine: i });
      continue;
    }
    i++;
  }
  return out;
}
