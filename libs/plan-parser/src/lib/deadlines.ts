import { Deadline } from './types';

/**
 * Dated commitments: 到2025年底 / 2025年上半年 / 2026年底前 / 到2024年6月 / 2025年第三季度,
 * and 年底前 / 年内 with the year in force. Year ranges (2022年至2024年, （2019~2023年）)
 * and dates inside cited titles 《…》 are not deadlines. Text runs from the date phrase
 * (with its 到) to the next 。 or ；, clipped so that huge inputs stay linear.
 */
const DATED =
  /(到|至|截至|截止到?|于)?(\d{4})\s?年(?:(上半年|下半年|年底|年末|底|末|内|第?[一二三四1-4]季度)|(\d{1,2})\s?月(?:(\d{1,2})\s?[日号])?(底|末|份|中旬|上旬|下旬)?)?(前|以前|之前)?/g;
const UNDATED = /(年底前|年底|年末|年内|上半年|下半年)/g;
const ANY_YEAR = /(\d{4})\s?年/g;
const MAX_CLAUSE = 300;

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const QUARTER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function dueOf(year: number, period: string | undefined, month?: number, day?: number): string {
  if (month && month >= 1 && month <= 12) {
    if (day && day >= 1 && day <= lastDayOfMonth(year, month)) return iso(year, month, day);
    return iso(year, month, lastDayOfMonth(year, month));
  }
  if (period === '上半年') return iso(year, 6, 30);
  if (period && period.endsWith('季度')) {
    const q = QUARTER[period.replace(/^第/, '')[0]] ?? 4;
    return iso(year, q * 3, lastDayOfMonth(year, q * 3));
  }
  return iso(year, 12, 31);
}

function clauseEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + MAX_CLAUSE);
  for (let i = from; i < limit; i++) {
    const c = text[i];
    if (c === '。' || c === '；' || c === ';' || c === '\n') return i;
  }
  return limit;
}

/** Positions inside 《…》 (cited document names) — dates there are not commitments. */
function citedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '《') open = i;
    else if (c === '》' && open >= 0) {
      out.push([open, i]);
      open = -1;
    } else if (c === '\n') open = -1;
  }
  return out;
}

/** Ranges are sorted and disjoint: binary search keeps many dates linear-ish. */
function inRanges(pos: number, ranges: Array<[number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid];
    if (pos <= a) hi = mid - 1;
    else if (pos >= b) lo = mid + 1;
    else return true;
  }
  return false;
}

const CLAUSE_START = /[，,。；;：:\n）)]$/;

/**
 * `fallbackYear` is the year in force before the text names one (the plan's issue
 * year): a bare 年底前 in a task then means that year's end.
 */
export function findDeadlines(text: string, fallbackYear: number | null = null): Deadline[] {
  const out: Deadline[] = [];
  const cited = citedRanges(text);
  const years: Array<{ pos: number; year: number }> = [];
  ANY_YEAR.lastIndex = 0;
  for (let m = ANY_YEAR.exec(text); m; m = ANY_YEAR.exec(text)) years.push({ pos: m.index, year: parseInt(m[1], 10) });

  const found: Array<{ pos: number; due: string; end: number }> = [];
  DATED.lastIndex = 0;
  for (let m = DATED.exec(text); m; m = DATED.exec(text)) {
    const [whole, marker, y, period, month, day, monthSuffix, before] = m;
    const pos = m.index;
    const yearPos = pos + (marker ? marker.length : 0);
    const year = parseInt(y, 10);
    if (year < 1990 || year > 2100 || inRanges(pos, cited)) continue;
    const after = text.slice(pos + whole.length, pos + whole.length + 3);
    const prevText = text.slice(Math.max(0, yearPos - 8), yearPos);
    // Ranges: 2022年至2024年 / 2023—2025年 / （2019~2023年）.
    if (/^\s?(?:至|到|—|－|-|~|～|–)\s?\d{4}/.test(after) || /\d{4}\s?年?\s?(?:至|到|—|－|-|~|～|–)\s?$/.test(prevText)) continue;
    if (/^[度起以来开始版]/.test(after) && !period && !month && !before) continue;
    if (prevText.endsWith("每")) continue;
    const hasSuffix = Boolean(period || before || monthSuffix);
    if (!marker && !hasSuffix) {
      // A bare "2025年，…" opening a clause is a commitment; "2025年完成率" mid-sentence is not.
      const prev = text.slice(Math.max(0, pos - 1), pos);
      const clauseStart = pos === 0 || CLAUSE_START.test(prev);
      if (!(clauseStart && /^[，,]/.test(after))) continue;
    }
    const due = dueOf(year, period, month ? parseInt(month, 10) : undefined, day ? parseInt(day, 10) : undefined);
    found.push({ pos, due, end: clauseEnd(text, pos) });
  }

  UNDATED.lastIndex = 0;
  let yi = 0;
  let inForce: number | null = fallbackYear;
  for (let m = UNDATED.exec(text); m; m = UNDATED.exec(text)) {
    const pos = m.index;
    const prev = text.slice(Math.max(0, pos - 2), pos);
    if (/年$|\d\s?$|每$|当$|今$|明$|上$|下$/.test(prev)) continue;
    // The year in force: the last explicit year before this phrase (pointer, not rescan).
    while (yi < years.length && years[yi].pos < pos) inForce = years[yi++].year;
    if (inForce === null) continue;
    found.push({ pos, due: dueOf(inForce, m[1].replace(/前$/, '')), end: clauseEnd(text, pos) });
  }

  found.sort((a, b) => a.pos - b.pos);
  for (const f of found) out.push({ due: f.due, text: text.slice(f.pos, f.end).trim() });
  return out;
}
