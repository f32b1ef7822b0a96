import { parseLabel } from './labels';
import { DocLine, squash } from './normalize-text';

/**
 * Header facts: the plan's own title (not the covering notice's), 文号, issuer,
 * plan period, and where the plan body starts. Only the first lines are examined
 * and every line is clipped, so huge inputs cost nothing here.
 */
export interface IssueDate {
  year: number;
  month: number;
  day: number;
}

export interface HeaderInfo {
  title: string | null;
  /** The plan's issue date (成文日期): the date line of the covering notice or of the closing signature. */
  issueDate: IssueDate | null;
  /** Index of the first line after the plan title (body start). */
  bodyStart: number;
  docNumber: string | null;
  issuer: string | null;
  period: { from: number; to: number } | null;
}

const HEAD_LINES = 80;
/** How far a notice's plan may start (a notice can print another document first). */
const OWN_TITLE_LINES = 400;
const CLIP = 300;
const DRAFT_MARK = /[（(](?:征求意见稿|送审稿|讨论稿|代拟稿|草案|草稿|修订稿|试行稿)[）)]/g;
const TITLE_END = /(?:方案|计划|规划|意见|办法|细则|措施|要点|纲要|清单|安排|行动|工程|通知|决定|指南)(?:[（(][^（）()]{0,20}[）)])*$/;
const NOTICE = /关于(?:印发|转发|下发|颁发)《([^《》]{4,120}?)》的通知|关于(?:印发|下发)([^《》]{4,120}?)的通知/;
/** "X转发Y关于Z请示的通知": the forwarded document is Y's "关于Z的请示". */
const FORWARD = /转发[\u4e00-\u9fa5（）()]{2,30}?(关于[^《》]{4,100}?)(请示|报告|意见|方案|建议)的通知/;
const DOC_NUMBER = /^(?:文号[：:]\s*)?[（(]?([\u4e00-\u9fa5]{1,12}[〔\[［【(（]\d{4}[〕\]］】)）]\s?\d{1,5}\s?号)/;
const DATE_LINE = /^(?:\d{4}|[〇零一二三四五六七八九]{4})\s?年\s?[\d〇一二三四五六七八九十]{1,3}\s?月\s?[\d〇一二三四五六七八九十]{1,3}\s?日$/;
const ORG_LINE = /^(?:国务院$|[\u4e00-\u9fa5（）()“”]{2,40}(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|管理委员会|管委会|政府|局|厅|委|办)$)/;
const METADATA = /^(?:索引号|文号|统一登记号|公开方式|公开范围|信息时效期|签署日期|登记日期|所属机构|所属主题|发文日期|公开责任部门|发布机构|成文日期|发布日期|主题分类|有效性)[：:]/;
const YEAR_RANGE = /((?:19|20)\d{2})\s?年?\s?[—–－\-~～至到]{1,2}\s?((?:19|20)\d{2})\s?年/;

/** A signature line: one body, or joint bodies separated by spaces ("上海市交通委员会 上海海事局" → 、-joined). */
function signers(t: string): string | null {
  const parts = t.split(/[\s\u3000]+/).filter(Boolean);
  return parts.length > 0 && parts.length <= 4 && parts.every((p) => ORG_LINE.test(p)) ? parts.join('、') : null;
}

function clip(s: string): string {
  return s.length > CLIP ? s.slice(0, CLIP) : s;
}

export function cleanTitle(s: string): string {
  return s.replace(DRAFT_MARK, '').replace(/^[《]|[》]$/g, '').trim();
}

/** Compare titles across print variants: brackets, dashes, book marks and spaces do not count. */
function titleKey(s: string): string {
  return squash(s)
    .replace(/[（(]/g, '(')
    .replace(/[）)]/g, ')')
    .replace(/[—–－\-~～至]/g, '-')
    .replace(/[《》〈〉“”"]/g, '');
}

const PLAN_END = /(?:方案|计划|规划|行动|工程|要点|清单|办法|细则|意见|措施)(?:\([^()]{0,20}\))*$/;

function parseDate(t: string): IssueDate | null {
  const m = /^(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日$/.exec(t.replace(/\s+/g, ''));
  if (!m) return null;
  const [year, month, day] = [parseInt(m[1], 10), parseInt(m[2], 10), parseInt(m[3], 10)];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year, month, day } : null;
}

/** The plan's own title line (or two lines: titles are often broken) matching `key`; `next` is the line after it. */
function ownTitle(lines: DocLine[], key: string): { title: string; next: number } | null {
  const n = Math.min(lines.length, OWN_TITLE_LINES);
  for (let i = 0; i < n; i++) {
    const t = lines[i].text;
    if (!t || t.length > CLIP) continue;
    if (titleKey(cleanTitle(t)) === key) return { title: cleanTitle(t), next: i + 1 };
    let j = i + 1;
    while (j < n && !lines[j].text) j++;
    if (j < n && t.length < key.length && lines[j].text.length <= CLIP) {
      const two = cleanTitle(t + lines[j].text);
      if (titleKey(two) === key) return { title: two, next: j + 1 };
    }
  }
  return null;
}

/** Lines that are never the title: Markdown front matter (--- … ---) and quoted notes (> …). */
function frontMatterLines(lines: DocLine[]): Set<number> {
  const skip = new Set<number>();
  const first = lines.findIndex((l) => l.text);
  if (first >= 0 && /^-{3,}$/.test(lines[first].text)) {
    const close = lines.findIndex((l, i) => i > first && i < first + 60 && /^-{3,}$/.test(l.text));
    if (close > first) for (let i = first; i <= close; i++) skip.add(i);
  }
  for (const l of lines.slice(0, HEAD_LINES)) if (/^>/.test(l.raw.trim())) skip.add(l.index);
  return skip;
}

export function detectHeader(lines: DocLine[]): HeaderInfo {
  const head: DocLine[] = [];
  for (const l of lines) {
    if (l.index >= HEAD_LINES && head.length > 0) break;
    if (l.text) head.push(l);
    if (head.length >= HEAD_LINES) break;
  }

  // 1. A covering notice names the plan: 关于印发《X》的通知.
  let title: string | null = null;
  let bodyStart = -1;
  for (let i = 0; i < head.length && title === null; i++) {
    let t = clip(head[i].text);
    if (!/关于(?:印发|转发|下发|颁发)|转发/.test(t)) continue;
    // A notice title may be printed over up to three lines.
    for (let k = 1; k <= 2 && !t.includes('的通知') && i + k < head.length; k++) t += clip(head[i + k].text);
    const m = NOTICE.exec(t);
    if (m) title = cleanTitle(m[1] ?? m[2]);
    else {
      const f = FORWARD.exec(t);
      if (f) title = cleanTitle(`${f[1]}的${f[2]}`);
    }
  }
  if (title !== null) {
    // A notice may print several documents ("若干政策和…行动计划"): prefer the one that is a plan.
    const whole: string = title;
    const candidates = [whole, ...whole.split(/(?<=[政策意见办法方案计划规定细则）)])(?:和|及|、)/)]
      .map((c) => c.trim())
      .filter((c) => c.length >= 4)
      .sort((a, b) => Number(PLAN_END.test(titleKey(b))) - Number(PLAN_END.test(titleKey(a))));
    for (const c of candidates) {
      const own = ownTitle(lines, titleKey(c));
      if (own) {
        title = own.title;
        bodyStart = own.next;
        break;
      }
    }
  }

  // 2. Otherwise the first lines, joined until they end like a title.
  if (title === null) {
    const skip = frontMatterLines(lines);
    const start = head.findIndex((l) => !skip.has(l.index) && !METADATA.test(l.text) && !DOC_NUMBER.test(l.text) && !l.raw.startsWith('\t'));
    if (start >= 0 && parseLabel(clip(head[start].text))) {
      bodyStart = head[start].index; // starts straight with numbered items: no title
    } else if (start >= 0) {
      let joined = '';
      let used = start;
      for (let i = start; i < Math.min(head.length, start + 4); i++) {
        const t = clip(head[i].text);
        if (i > start && (t.length > 40 || /[。；]$/.test(joined) || t.startsWith('为') )) break;
        if (/[。；]/.test(t) && i > start) break;
        joined += t;
        used = i;
        if (TITLE_END.test(cleanTitle(joined)) || /[。]$/.test(t)) break;
      }
      if (!TITLE_END.test(cleanTitle(joined))) {
        joined = clip(head[start].text);
        used = start;
      }
      title = cleanTitle(joined) || null;
      bodyStart = head[used].index + 1;
      // A draft mark on its own line belongs to the title block.
      const next = head[used + 1];
      if (next && next.text.replace(DRAFT_MARK, '') === '') bodyStart = next.index + 1;
    }
  }
  if (bodyStart < 0) bodyStart = 0;

  let docNumber: string | null = null;
  for (const l of head) {
    const m = DOC_NUMBER.exec(clip(l.text));
    if (m) {
      docNumber = m[1].replace(/\s+/g, '');
      break;
    }
  }

  let issuer: string | null = null;
  let issueDate: IssueDate | null = null;
  for (let i = 0; i + 1 < head.length && issuer === null; i++) {
    const t = head[i].text;
    if (t.length <= 40 && signers(t) && DATE_LINE.test(head[i + 1].text.replace(/\s+/g, ''))) {
      issuer = signers(t);
      issueDate = parseDate(head[i + 1].text);
    }
  }
  if (issueDate === null) {
    for (const l of head) {
      const d = l.text.length < 40 ? parseDate(l.text) : null;
      if (d) {
        issueDate = d;
        break;
      }
    }
  }
  if (issueDate === null) {
    // The closing signature: an issuing body, then the date (plans printed without a notice).
    const tail: DocLine[] = [];
    for (let i = lines.length - 1; i >= 0 && tail.length < 40; i--) if (lines[i].text) tail.unshift(lines[i]);
    for (let i = tail.length - 1; i >= 1; i--) {
      const d = parseDate(tail[i].text);
      if (d && signers(tail[i - 1].text) && tail[i - 1].text.length <= 40) {
        issueDate = d;
        issuer = issuer ?? signers(tail[i - 1].text);
        break;
      }
    }
  }
  if (issuer === null) {
    for (const l of head) {
      const t = clip(l.text).replace(DOC_NUMBER, '').trim();
      const m = /^([\u4e00-\u9fa5]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|政府|局|厅))关于印发/.exec(t);
      if (m) {
        issuer = m[1];
        break;
      }
    }
  }

  let period: HeaderInfo['period'] = null;
  if (title) {
    const m = YEAR_RANGE.exec(title);
    if (m) {
      const from = parseInt(m[1], 10);
      const to = parseInt(m[2], 10);
      if (to >= from) period = { from, to };
    }
  }
  return { title, bodyStart, docNumber, issuer, period, issueDate };
}
