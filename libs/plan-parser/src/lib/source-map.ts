import { SourceRange } from './types';
import { lastAtOrBefore } from './sorted-search';

/**
 * Normalized-text offsets → source ranges in the caller's text (and the PDF page the
 * range starts on, when the text was extracted from a PDF).
 */
export class SourceMap {
  constructor(
    private readonly toOriginal: (pos: number) => number,
    private readonly pageStarts?: number[],
  ) {}

  range(start: number, end: number): SourceRange {
    const s = this.toOriginal(start);
    const r: SourceRange = { start: s, end: Math.max(s, this.toOriginal(end)) };
    const page = this.pageOf(s);
    if (page !== undefined) r.page = page;
    return r;
  }

  private pageOf(pos: number): number | undefined {
    const p = this.pageStarts;
    if (!p || p.length === 0) return undefined;
    return lastAtOrBefore(p, pos) + 1;
  }
}
