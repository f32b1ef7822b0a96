/**
 * Numbered-label recognition: 一、 （一） 1. 1． 1、 （1） 1） ① 第一条.
 * One regex per style, anchored at the line start, with bounded quantifiers only.
 */
export type LabelStyle = 'cn' | 'cn-paren' | 'ar-dot' | 'ar-dun' | 'ar-paren' | 'ar-half-paren' | 'circled' | 'article';

export interface Label {
  style: LabelStyle;
  number: number;
  /** The label token exactly as printed, e.g. "1．", "（一）", "十、". */
  label: string;
  /** Text after the label (trimmed). */
  rest: string;
}

const CN_DIGITS = '零〇一二三四五六七八九十百两';
const CN = `[${CN_DIGITS}]{1,4}`;

const PATTERNS: Array<{ style: LabelStyle; re: RegExp }> = [
  { style: 'cn-paren', re: new RegExp(`^([（(]\\s?(${CN})\\s?[）)])`) },
  { style: 'ar-paren', re: /^([（(]\s?(\d{1,3})\s?[）)])/ },
  { style: 'cn', re: new RegExp(`^((${CN})\\s?[、，,．.])`) },
  { style: 'article', re: new RegExp(`^(第(${CN}|\\d{1,3})[条项])`) },
  { style: 'ar-dot', re: /^((\d{1,3})\s?[.．﹒](?!\d))/ },
  { style: 'ar-dun', re: /^((\d{1,3})\s?[、，])/ },
  { style: 'ar-half-paren', re: /^((\d{1,3})[）)])/ },
  { style: 'circled', re: /^(([①-⑳]))/ },
];

const CIRCLED_BASE = '①'.charCodeAt(0);

export function chineseToNumber(s: string): number {
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  const digit = (c: string): number => {
    const i = '零一二三四五六七八九'.indexOf(c);
    if (i >= 0) return i;
    if (c === '〇') return 0;
    if (c === '两') return 2;
    return -1;
  };
  let total = 0;
  let current = 0;
  for (const c of s) {
    if (c === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (c === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      const d = digit(c);
      if (d < 0) return NaN;
      current = current * 10 + d;
    }
  }
  return total + current;
}

/**
 * Nesting rank of each style in official documents (GB/T 9704: 一、 > （一） > 1. > （1） > ①);
 * a smaller rank encloses a larger one.
 */
export const STYLE_RANK: Record<LabelStyle, number> = {
  article: 0,
  cn: 1,
  'cn-paren': 2,
  'ar-dot': 3,
  'ar-dun': 3,
  'ar-paren': 4,
  'ar-half-paren': 4,
  circled: 5,
};

export function parseLabel(line: string): Label | null {
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const token = m[1].replace(/\s+/g, '');
    const rawNumber = m[2];
    const number = style === 'circled' ? rawNumber.charCodeAt(0) - CIRCLED_BASE + 1 : chineseToNumber(rawNumber);
    if (!Number.isFinite(number) || number <= 0) return null;
    const rest = line.slice(m[0].length).replace(/^[\s\u3000]+/, '');
    // "2025年…", "100%…" are not labels; a label must be followed by text.
    if (!rest) return null;
    const normalizedStyle: LabelStyle = style;
    return { style: normalizedStyle, number, label: token, rest };
  }
  return null;
}

/**
 * A heading-only line: the label's text is a short phrase with no sentence after it
 * ("三、主要任务", "（一）完善服务体系"), as opposed to an item with its body inline.
 */
export function isHeadingOnly(rest: string): boolean {
  const body = rest.replace(/[。：:]$/, '');
  return body.length <= 40 && !/[。；;]/.test(body);
}
