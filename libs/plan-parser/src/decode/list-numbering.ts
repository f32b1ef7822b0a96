/**
 * Word list numbering (numbering.xml) rendered as the text Word shows: number formats
 * (decimal, chineseCounting, ideographTraditional, decimalEnclosedCircle…), multi-level
 * lvlText such as "（%1）" or "%1.%2", start values, restarts of lower levels when a
 * higher one advances, and w:num instances that restart a list (startOverride). Pure.
 */
export interface NumberingLevel {
  numFmt: string;
  lvlText: string;
  start: number;
  /** w:lvlRestart: 0 = never restart; n = restart after level n (1-based) is used; undefined = after any higher level. */
  restart?: number;
  isLgl: boolean;
  suff: 'tab' | 'space' | 'nothing';
}

export interface NumberingDefinitions {
  /** abstractNumId → levels by ilvl. */
  abstract: Map<string, NumberingLevel[]>;
  /** numId → its abstract list and per-level start overrides. */
  nums: Map<string, { abstractId: string; startOverride: Map<number, number>; levelOverride: Map<number, NumberingLevel> }>;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIAN_GAN = '甲乙丙丁戊己庚辛壬癸';
const DI_ZHI = '子丑寅卯辰巳午未申酉戌亥';

function chineseCounting(n: number, digits = CN_DIGITS, ten = '十', hundred = '百'): string {
  if (n <= 0) return String(n);
  if (n < 10) return digits[n];
  if (n < 20) return ten + (n % 10 ? digits[n % 10] : '');
  if (n < 100) return digits[Math.floor(n / 10)] + ten + (n % 10 ? digits[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const restText = rest === 0 ? '' : rest < 10 ? (digits === CN_DIGITS ? '零' : digits[0]) + digits[rest] : rest < 20 ? digits[1] + ten + (rest % 10 ? digits[rest % 10] : '') : chineseCounting(rest, digits, ten, hundred);
    return digits[Math.floor(n / 100)] + hundred + restText;
  }
  return String(n);
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: 27 → AA.
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

/** One counter in the level's number format. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
    case 'ideographLegalTraditional':
    case 'japaneseLegal':
      return chineseCounting(n, CN_LEGAL, '拾', '佰');
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]);
    case 'ideographTraditional':
      return TIAN_GAN[(n - 1) % 10];
    case 'ideographZodiac':
    case 'ideographZodiacTraditional':
      return DI_ZHI[(n - 1) % 12];
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters of the lists seen so far in document order; `render` advances them. */
export class ListCounters {
  /** List instance key → counters by level (undefined = not yet used). */
  private readonly state = new Map<string, Array<number | undefined>>();

  constructor(private readonly defs: NumberingDefinitions) {}

  private level(numId: string, ilvl: number): NumberingLevel | undefined {
    const num = this.defs.nums.get(numId);
    if (!num) return undefined;
    return num.levelOverride.get(ilvl) ?? this.defs.abstract.get(num.abstractId)?.[ilvl];
  }

  /** The label text of the next paragraph numbered (numId, ilvl), or null (no such list / bullet-free none). */
  render(numId: string, ilvl: number): string | null {
    const num = this.defs.nums.get(numId);
    if (!num || numId === '0') return null;
    const lvl = this.level(numId, ilvl);
    if (!lvl) return null;
    // A w:num with start overrides is a list of its own; other w:nums share their abstract list's counters.
    const key = num.startOverride.size > 0 ? `num:${numId}` : `abs:${num.abstractId}`;
    let counters = this.state.get(key);
    if (!counters) {
      counters = [];
      this.state.set(key, counters);
    }
    const startOf = (l: number) => num.startOverride.get(l) ?? this.level(numId, l)?.start ?? 1;
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    // Lower levels restart when this level advances (unless their lvlRestart says otherwise).
    for (let l = ilvl + 1; l < 9; l++) {
      const ll = this.level(numId, l);
      if (!ll) continue;
      if (ll.restart === 0) continue;
      if (ll.restart !== undefined && ilvl >= ll.restart) continue;
      counters[l] = undefined;
    }
    if (lvl.numFmt === 'bullet') return lvl.lvlText;
    const text = lvl.lvlText.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const value = counters![l] ?? startOf(l);
      const fmt = l === ilvl ? lvl.numFmt : (this.level(numId, l)?.numFmt ?? 'decimal');
      return formatNumber(value, lvl.isLgl ? 'decimal' : fmt);
    });
    if (lvl.suff === 'space') return `${text} `;
    if (lvl.suff === 'nothing') return text;
    // A tab after the label: punctuation already separates it; a bare number gets a space.
    return /[.．、，,）)\]】:：\s]$/.test(text) || text === '' ? text : `${text} `;
  }
}
