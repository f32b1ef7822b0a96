/**
 * PDF text items → the text the parser reads. Pure. Items become lines (same baseline,
 * left to right; wide gaps become tabs so table rows stay rows), running headers,
 * footers and page numbers (lines in the top or bottom margin that repeat over pages, or
 * are only a page number) are dropped, and lines wrapped by the page width are joined
 * back into paragraphs: a line that reaches the right edge continues on the next line
 * unless that one is indented or starts with a list label.
 */
export interface PdfTextItem {
  str: string;
  /** Left x, baseline y (PDF user space, y grows upwards). */
  x: number;
  y: number;
  width: number;
  /** Font size (height of the glyph box). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfText {
  text: string;
  /** Offset in `text` where each page begins. */
  pageStarts: number[];
}

interface Line {
  text: string;
  x: number;
  y: number;
  right: number;
  size: number;
}

const MARGIN = 0.09;
const PAGE_NUMBER = /^[-—－–\s]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*[0-9]{1,4}|\s*共\s*[0-9]{1,4}\s*页)?[-—－–\s]*$/;
const LABEL_START = /^(?:[一二三四五六七八九十]{1,3}[、．.]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,3}[.．、﹒](?!\d)|[①-⑳]|第[一二三四五六七八九十\d]{1,3}[条章])/;
const ALNUM = /[A-Za-z0-9]/;

function linesOf(page: PdfPage): Line[] {
  const items = page.items.filter((i) => i.str.length > 0 && i.str.trim() !== '');
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0].y - it.y) <= Math.max(1, 0.45 * Math.max(g[0].size, it.size))) g.push(it);
    else groups.push([it]);
  }
  return groups.map((g) => {
    g.sort((a, b) => a.x - b.x);
    const size = Math.max(...g.map((i) => i.size)) || 10;
    let text = '';
    let right = g[0].x;
    for (const it of g) {
      const gap = it.x - right;
      if (text) {
        if (gap > 2.5 * size) text += '\t';
        else if (gap > 0.25 * size && ALNUM.test(text[text.length - 1]) && ALNUM.test(it.str[0])) text += ' ';
      }
      text += it.str;
      right = Math.max(right, it.x + it.width);
    }
    return { text: text.replace(/\s+$/, ''), x: g[0].x, y: g[0].y, right, size };
  });
}

/** Header/footer lines: in the top/bottom margin and repeated (digits aside) on several pages, or a bare page number. */
function marginNoise(pages: PdfPage[], lines: Line[][]): Set<string> {
  const count = new Map<string, number>();
  lines.forEach((ls, p) => {
    const seen = new Set<string>();
    for (const l of ls) {
      if (!inMargin(l, pages[p])) continue;
      const key = l.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, '');
      if (!seen.has(key)) count.set(key, (count.get(key) ?? 0) + 1);
      seen.add(key);
    }
  });
  const noise = new Set<string>();
  const need = Math.max(2, Math.ceil(pages.length * 0.5));
  for (const [k, n] of count) if (n >= need) noise.add(k);
  return noise;
}

function inMargin(l: Line, page: PdfPage): boolean {
  return l.y > page.height * (1 - MARGIN) || l.y < page.height * MARGIN;
}

export function layoutPdf(pages: PdfPage[]): PdfText {
  const perPage = pages.map(linesOf);
  const noise = pages.length > 1 ? marginNoise(pages, perPage) : new Set<string>();
  const kept = perPage.map((ls, p) =>
    ls.filter((l) => {
      if (!inMargin(l, pages[p])) return true;
      if (PAGE_NUMBER.test(l.text)) return false;
      return !noise.has(l.text.replace(/[0-9０-９]+/g, '#').replace(/\s+/g, ''));
    }),
  );
  // The text block's left edge (continuation lines start there; first lines are indented) and right edge.
  const all = kept.flat();
  const left = Math.min(...all.map((l) => l.x), Infinity);
  const right = Math.max(...all.map((l) => l.right), 0);
  let text = '';
  const pageStarts: number[] = [];
  let prev: Line | null = null;
  for (const ls of kept) {
    let first = true;
    for (const l of ls) {
      if (prev) {
        const wrapped =
          prev.right >= right - 1.5 * prev.size && !prev.text.includes('\t') && !l.text.includes('\t') && l.x <= left + 0.6 * l.size && !LABEL_START.test(l.text);
        if (!wrapped) text += '\n';
      }
      if (first) pageStarts.push(text.length);
      first = false;
      text += l.text;
      prev = l;
    }
    if (first) pageStarts.push(text.length);
  }
  return { text, pageStarts };
}
