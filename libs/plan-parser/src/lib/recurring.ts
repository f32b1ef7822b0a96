import { RecurringDuty } from './types';

/**
 * Recurring duties need an explicit 每 + period: 每年, 每年度, 每2年, 每两年, 每季度,
 * 每半年, 每月, 每周, 每天. 每万人口 / 每个乡镇 are not periods, and a period after a
 * beneficiary (每人每年只享受一次, 每户每年补贴…) is an entitlement, not a duty.
 */
const PER_BENEFICIARY = /每(?:人|户|家|名|位|个人)$/;
const EVERY = /每(?:隔)?\s?(\d{1,2}|[一二两三四五六七八九十]{1,2})?\s?个?\s?(学年|年度|年|季度|季|半年|月|周|星期|旬|日|天)/g;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const MAX_CLAUSE = 300;

function unitName(u: string): { base: string; months?: number } {
  switch (u) {
    case '年':
    case '年度':
    case '学年':
      return { base: 'year' };
    case '季度':
    case '季':
      return { base: 'quarter' };
    case '半年':
      return { base: '6 months', months: 6 };
    case '月':
      return { base: 'month' };
    case '周':
    case '星期':
      return { base: 'week' };
    case '旬':
      return { base: '10 days' };
    default:
      return { base: 'day' };
  }
}

function parseCount(s: string | undefined): number {
  if (!s) return 1;
  if (/^\d+$/.test(s)) return parseInt(s, 10);
  if (s.length === 2 && s[0] === '十') return 10 + (CN_NUM[s[1]] ?? 0);
  return CN_NUM[s] ?? 1;
}

export function findRecurring(text: string): Array<RecurringDuty & { at: number }> {
  const out: Array<RecurringDuty & { at: number }> = [];
  EVERY.lastIndex = 0;
  for (let m = EVERY.exec(text); m; m = EVERY.exec(text)) {
    if (PER_BENEFICIARY.test(text.slice(Math.max(0, m.index - 3), m.index))) continue;
    const n = parseCount(m[1]);
    const { base } = unitName(m[2]);
    // 每年上半年 / 每年底 are still yearly; 每个月 is monthly.
    const every = n === 1 || base === '6 months' ? base : base === 'quarter' ? `${n} quarters` : `${n} ${base}s`;
    let end = m.index;
    const limit = Math.min(text.length, m.index + MAX_CLAUSE);
    while (end < limit && !'。；;\n'.includes(text[end])) end++;
    out.push({ every, text: text.slice(m.index, end).trim(), at: m.index });
  }
  return out;
}
