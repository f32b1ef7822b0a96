/**
 * Dated commitments: 到2025年底 / 2025年上半年 / 2026年底前 / 到2024年6月 / 2025年第三季度;
 * 年底前 / 6月底完成 / 11月份取得明显成效 with the year in force (the last year the text
 * names, else the issue year); relative periods 年内 / 一年内 / 三年内 / 5年内 resolved
 * against the issue date (or the text's own "2012年起" anchor) and marked `relative`.
 * Year ranges (2022年至2024年, （2019~2023年）) and dates inside cited titles 《…》 are not
 * deadlines. Text runs from the date phrase (with its 到) to the next 。 or ；, clipped so
 * that huge inputs stay linear.
 */
export interface FoundDeadline {
  due: string;
  text: string;
  /** Offset of `text` in the searched string. */
  at: number;
  relative?: true;
  reason: string;
}

/** What relative periods are counted from. */
export interface DateContext {
  /** The year in force before the text names one (the plan's issue year). */
  fallbackYear: number | null;
  /** The issue date (成文日期), when the document prints one. */
  issueDate?: { year: number; month: number; day: number } | null;
  /** A start year the document itself anchors periods to ("2012年起5年内"). */
  anchorYear?: number | null;
}

const DATED =
  /(到|至|截至|截止到?|于)?(\d{4})\s?年(?:(上半年|下半年|年底|年末|底|末|内|第?[一二三四1-4]季度)|(\d{1,2})\s?月(?:(\d{1,2})\s?[日号])?(底|末|份|中旬|上旬|下旬)?)?(前|以前|之前)?/g;
const UNDATED = /(年底前|年底|年末|上半年|下半年)/g;
/** A month of the year in force: "6月底完成", "11月份取得明显成效", "12月取得明显成效". */
const MONTH_ONLY = /(\d{1,2})\s?月(底|末|份|中旬|上旬|下旬)?(前|以前|之前)?(?=\s?(?:前|底|完成|取得|实现|建成|上线|启动|开展|出台|制定|印发|全面|基本|力争|确保|完善|形成|达到|推出|启用|投入|开工|竣工|交付))/g;
const RELATIVE = /(?:(本|今)?年内|([一二两三四五六七八九十]|\d{1,2})\s?(?:个)?年内)/g;
/** "本意见印发之日起30日内": a period counted from the issue date. */
const FROM_ISSUE =
  /(?:本(?:意见|方案|通知|办法|计划|实施方案|行动方案|细则|措施))?(?:印发|发布|下发|施行|实施)之日起\s?(\d{1,3}|[一二两三四五六七八九十]{1,3})\s?(个月|日|天|月|年)内/g;
const ANY_YEAR = /(\d{4})\s?年/g;
const TARGET_VERB = /达到|实现|完成|建成|覆盖|不低于|不少于|超过|提高到|提升到|下降|控制在|稳定在|(?:扩大|推广|拓展|延伸)[至到]/;
const MAX_CLAUSE = 300;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 三十 → 30, 十五 → 15, 七 → 7. */
function chineseCount(s: string): number {
  if (s.length === 1) return CN_NUM[s] ?? 0;
  const ten = s.indexOf('十');
  if (ten < 0) return 0;
  return (ten === 0 ? 1 : (CN_NUM[s[0]] ?? 0)) * 10 + (ten === s.length - 1 ? 0 : (CN_NUM[s[s.length - 1]] ?? 0));
}

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

const CLAUSE_START = /[，,。；;：:\n）)（(]$/;

function relativeDue(n: number, ctx: DateContext): string | null {
  const d = ctx.issueDate;
  if (d) {
    if (n === 0) return iso(d.year, 12, 31);
    // N年内 from the issue date: the last day within N years.
    const end = new Date(Date.UTC(d.year + n, d.month - 1, d.day) - 86400000);
    return iso(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
  }
  const base = ctx.anchorYear ?? ctx.fallbackYear;
  if (base === null || base === undefined) return null;
  // Counted in calendar years including the start year ("2012年起5年内" = 2012–2016).
  return iso(base + Math.max(0, n - 1), 12, 31);
}

/**
 * `context` gives the year in force before the text names one (the plan's issue year)
 * and the issue date for relative periods. A bare number is taken as the fallback year.
 */
export function findDeadlines(text: string, context: DateContext | number | null = null): FoundDeadline[] {
  const ctx: DateContext = typeof context === 'number' || context === null ? { fallbackYear: context } : context;
  const cited = citedRanges(text);
  const years: Array<{ pos: number; year: number }> = [];
  ANY_YEAR.lastIndex = 0;
  for (let m = ANY_YEAR.exec(text); m; m = ANY_YEAR.exec(text)) years.push({ pos: m.index, year: parseInt(m[1], 10) });

  const found: Array<{ pos: number; due: string; end: number; relative?: true; reason: string }> = [];
  const taken = new Set<number>();
  DATED.lastIndex = 0;
  for (let m = DATED.exec(text); m; m = DATED.exec(text)) {
    const [whole, marker, y, period, month, day, monthSuffix, before] = m;
    const pos = m.index;
    const yearPos = pos + (marker ? marker.length : 0);
    const year = parseInt(y, 10);
    if (year < 1990 || year > 2100 || inRanges(pos, cited)) continue;
    const after = text.slice(pos + whole.length, pos + whole.length + 7);
    const prevText = text.slice(Math.max(0, yearPos - 8), yearPos);
    // Ranges: 2022年至2024年 / 2023—2025年 / （2019~2023年） / 2019年1月1日至2020年12月31日
    // (a window in which a policy applies, not a commitment).
    if (/^\s?(?:至|到|—|－|-|~|～|–)\s?\d{4}/.test(after) || /(?:\d{4}\s?年?|\d{1,2}\s?[月日号])\s?(?:至|到|—|－|-|~|～|–)\s?$/.test(prevText)) continue;
    if (/^[度起以来开始版]/.test(after) && !period && !month && !before) continue;
    if (prevText.endsWith('每')) continue;
    const hasSuffix = Boolean(period || before || monthSuffix);
    let reason = '带“到/于/至”或“底/前”的年份';
    if (!marker && !hasSuffix) {
      // A bare "2025年，…" opening a clause is a commitment, and so is "2026年持证上岗率达到90%";
      // "2025年完成率" in mid-sentence is not.
      const prev = text.slice(Math.max(0, pos - 1), pos);
      const clauseStart = pos === 0 || CLAUSE_START.test(prev);
      if (!clauseStart) continue;
      if (/^[，,]/.test(after)) reason = '句首“YYYY年，”';
      else if (!month && TARGET_VERB.test(text.slice(pos, clauseEnd(text, pos)))) reason = '句首年份带目标（达到/实现/完成…）';
      else continue;
    }
    const due = dueOf(year, period, month ? parseInt(month, 10) : undefined, day ? parseInt(day, 10) : undefined);
    found.push({ pos, due, end: clauseEnd(text, pos), reason });
    for (let k = pos; k < pos + whole.length; k++) taken.add(k);
  }

  UNDATED.lastIndex = 0;
  let yi = 0;
  let inForce: number | null = ctx.fallbackYear;
  for (let m = UNDATED.exec(text); m; m = UNDATED.exec(text)) {
    const pos = m.index;
    if (taken.has(pos)) continue;
    const prev = text.slice(Math.max(0, pos - 2), pos);
    if (/年$|\d\s?$|每$|当$|今$|明$|上$|下$/.test(prev)) continue;
    // 年中指导、年末检查 / 年底考核: a point in the yearly review cycle, not a due date.
    if (/^(?:检查|考核|考评|评估|总结|通报|督查|督导|述职)/.test(text.slice(pos + m[0].length, pos + m[0].length + 2))) continue;
    // The year in force: the last explicit year before this phrase (pointer, not rescan).
    while (yi < years.length && years[yi].pos < pos) inForce = years[yi++].year;
    if (inForce === null) continue;
    found.push({ pos, due: dueOf(inForce, m[1].replace(/前$/, '')), end: clauseEnd(text, pos), reason: `“${m[1]}”取当年（${inForce}年）` });
  }

  MONTH_ONLY.lastIndex = 0;
  yi = 0;
  inForce = ctx.fallbackYear;
  for (let m = MONTH_ONLY.exec(text); m; m = MONTH_ONLY.exec(text)) {
    const pos = m.index;
    if (taken.has(pos) || inRanges(pos, cited)) continue;
    const prev = text.slice(Math.max(0, pos - 1), pos);
    if (/[\d年个每第至到—－~～.．]/.test(prev)) continue;
    const month = parseInt(m[1], 10);
    if (month < 1 || month > 12) continue;
    while (yi < years.length && years[yi].pos < pos) inForce = years[yi++].year;
    if (inForce === null) continue;
    found.push({ pos, due: dueOf(inForce, undefined, month), end: clauseEnd(text, pos), reason: `月份取当年（${inForce}年）` });
  }

  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
    const pos = m.index;
    if (taken.has(pos) || inRanges(pos, cited)) continue;
    const prev = text.slice(Math.max(0, pos - 1), pos);
    // Only a period that opens a clause ("5年内重点引进…", "，一年内实现…"); "首年…、5年内关税减让显著的商品" is not.
    if (!(pos === 0 || /[，,。；;：:\n在于]/.test(prev))) continue;
    const n = m[1] !== undefined || m[0].startsWith('年内') ? 0 : /^\d/.test(m[2]) ? parseInt(m[2], 10) : (CN_NUM[m[2]] ?? 0);
    if (m[2] !== undefined && n === 0) continue;
    const due = relativeDue(n, ctx);
    if (!due) continue;
    const basis = ctx.issueDate ? '印发日期' : ctx.anchorYear ? `文中“${ctx.anchorYear}年起”` : '当年';
    found.push({ pos, due, end: clauseEnd(text, pos), relative: true, reason: `相对期限“${m[0]}”，自${basis}起算` });
  }

  FROM_ISSUE.lastIndex = 0;
  for (let m = FROM_ISSUE.exec(text); m; m = FROM_ISSUE.exec(text)) {
    const d = ctx.issueDate;
    if (!d || inRanges(m.index, cited)) continue;
    const n = /^\d/.test(m[1]) ? parseInt(m[1], 10) : chineseCount(m[1]);
    if (!n) continue;
    // The last day within the period, the issue day counting as the first.
    const end =
      m[2] === '日' || m[2] === '天'
        ? new Date(Date.UTC(d.year, d.month - 1, d.day + n - 1))
        : new Date(Date.UTC(d.year + (m[2] === '年' ? n : 0), d.month - 1 + (m[2] === '年' ? 0 : n), d.day) - 86400000);
    const due = iso(end.getUTCFullYear(), end.getUTCMonth() + 1, end.getUTCDate());
    found.push({ pos: m.index, due, end: clauseEnd(text, m.index), relative: true, reason: `相对期限“${m[0]}”，自印发日期起算` });
  }

  found.sort((a, b) => a.pos - b.pos);
  return found.map((f) => {
    const raw = text.slice(f.pos, f.end);
    const lead = raw.length - raw.trimStart().length;
    const d: FoundDeadline = { due: f.due, text: raw.trim(), at: f.pos + lead, reason: f.reason };
    if (f.relative) d.relative = true;
    return d;
  });
}
