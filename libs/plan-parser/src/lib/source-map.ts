import { SourceRange } from './types';

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
    let lo = 0;
    let hi = p.length - 1;
    let k = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (p[mid] <= pos) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return k + 1;
  }
}
