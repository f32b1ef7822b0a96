import { isHeadingOnly, Label, LabelStyle, parseLabel, STYLE_RANK } from './labels';
import { DocLine } from './normalize-text';
import { cellStreamLines } from './table-rows';

/**
 * Document outline → task blocks. The document's own structure decides which level
 * holds the tasks: the labelled items that carry a responsibility clause, level by level
 * within each top-level part (一、…), their enclosing sub-heading being the section.
 * Plans without clauses fall back to the key-tasks part (重点任务/主要任务…) and its
 * numbered items, or to top-level items that are themselves the tasks.
 */
export interface Item extends Label {
  line: number;
  headingOnly: boolean;
  /** Nesting rank in this document (smaller encloses larger). */
  rank: number;
}

export interface TaskBlock {
  item: Item;
  section: string | null;
  /** Indices of the task's lines (first line included), table rows and boxes excluded. */
  lineIndices: number[];
  /** Lines of the task (texts of `lineIndices`). */
  lines: string[];
  endLine: number;
  /** Why this item was taken as a task (for --explain and confidence). */
  reason: string;
}

export interface Outline {
  tasks: TaskBlock[];
  /** First line after the task part (for review/sanction search), or -1. */
  afterTasks: number;
  items: Item[];
  /** Lines [from, to) of the region the tasks were taken from. */
  region: [number, number];
}

const KEY_TASK =
  /^(?:[一二三四五六七八九十]{1,2}项)?(?:主要|重点|核心|具体|重大|工作|行动)?(?:任务|工作任务|举措|措施|工作|行动|工程|内容|项目)(?:和|与|及)?(?:措施|举措|分工|安排|清单)?[。：:]?$|重点任务|主要任务|工作任务|重点工作|主要措施|重点举措|具体措施|工作措施|主要举措|重点行动|行动任务|任务措施|重点工程|工作重点|任务分工/;
const EXCLUDED =
  /指导思想|总体要求|总体思路|基本原则|工作原则|主要目标|工作目标|发展目标|目标任务|行动目标|保障措施|保障机制|组织实施|组织领导|组织保障|工作要求|实施步骤|进度安排|职责分工|部门职责|责任分工|工作机制|监督考核|考核评估|附则|其他事项/;
/** Parts whose clause-bearing items are still not tasks: goals and principles. */
const GOALS = /指导思想|总体要求|总体思路|基本原则|工作原则|主要目标|工作目标|发展目标|总体目标|行动目标|目标任务/;
const TOP_STYLES: LabelStyle[] = ['cn', 'ar-dun', 'ar-dot', 'article'];
/** How each label style looks, for reasons shown to people. */
const STYLE_SHAPE: Record<LabelStyle, string> = {
  article: '第一条',
  cn: '一、',
  'cn-paren': '（一）',
  'ar-dot': '1.',
  'ar-dun': '1、',
  'ar-paren': '（1）',
  'ar-half-paren': '1）',
  circled: '①',
};
/** A boxed column (专栏1 …) between tasks belongs to none of them. */
const BOX = /^专栏\s?\d{1,2}/;
/**
 * Lines that close the body: validity, interpretation, copies, issuing lines, and the
 * closing formula of a report submitted for approval (以上意见如无不妥，请批转…执行).
 */
const CLOSING =
  /^本(?:方案|计划|意见|办法|通知|政策|细则|措施|规定|实施方案|行动方案|行动计划)(?:自|从|由|有效期)|有效期(?:至|为)\s?\d|^(?:抄送|抄报|主送)[：:]|\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日\s?印发$|^（此件(?:公开发布|主动公开|不公开)）$|^以上(?:意见|方案|报告|请示|措施)?如(?:无|没有)不妥/;
/** The date line of a closing signature: 2018年12月21日 / 一九九六年五月十三日, nothing else. */
const DATE_ONLY = /^(?:\d{4}|[〇○零一二三四五六七八九]{4})\s?年\s?[\d〇○零一二三四五六七八九十]{1,3}\s?月\s?[\d〇○零一二三四五六七八九十]{1,3}\s?日$/;
/** A signing body's line above that date: a body's name (joint signers spaced), no punctuation, no label. */
const SIGNATURE = /^[\u4e00-\u9fa5（）()、\s]{1,38}(?:院|厅|办|委|局|部|会|府|室|署|组|中心|办公室)$/;

export function isTableLine(l: DocLine): boolean {
  return /^[ \u3000]*\t/.test(l.raw) || /^\s*\|/.test(l.raw) || (l.raw.match(/\t/g)?.length ?? 0) >= 2;
}

export const isAttachment = (t: string): boolean => /^(?:附件|附表)\s?\d{0,2}\s?[：:]?|^附\s?[：:]/.test(t) && t.length <= 60;
export const isClosing = (t: string): boolean => t.length <= 120 && CLOSING.test(t);

/** Labels per line, computed once per document (the outline looks at several regions). */
const labelCache = new WeakMap<DocLine[], Array<Label | null | undefined>>();

function labelOf(lines: DocLine[], i: number): Label | null {
  let cache = labelCache.get(lines);
  if (!cache) {
    cache = new Array(lines.length);
    labelCache.set(lines, cache);
  }
  let lab = cache[i];
  if (lab === undefined) {
    const t = lines[i].text;
    lab = cache[i] = parseLabel(t.length > 400 ? t.slice(0, 400) : t);
  }
  return lab;
}

export function collectItems(lines: DocLine[], from: number, to = lines.length): Item[] {
  const items: Item[] = [];
  const streams = cellStreamLines(lines);
  let lastDot = 0;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    if (!l.text || isTableLine(l) || streams.has(i)) continue;
    const head = l.text.length > 400 ? l.text.slice(0, 400) : l.text;
    let lab = labelOf(lines, i);
    // "11.121人才梯队项目": digits after the dot, but the number continues the list (a bare
    // decimal such as a table cell "4.42" does not).
    const cont = lab ? null : /^(\d{1,3})([.．﹒])(?=\d+[^\d.．\s%])/.exec(head);
    if (cont && parseInt(cont[1], 10) === lastDot + 1) {
      lab = { style: 'ar-dot', number: lastDot + 1, label: cont[1] + cont[2], rest: head.slice(cont[0].length) };
    }
    if (!lab) continue;
    if (lab.style === 'ar-dot') lastDot = lab.number;
    items.push({ ...lab, line: i, headingOnly: isHeadingOnly(l.text.slice(lab.label.length).trim()), rank: STYLE_RANK[lab.style] });
  }
  // The first item's style is the top level when it is not 一、 (plans headed "1、 指导思想").
  if (items.length && items[0].style !== 'cn' && items[0].style !== 'article') {
    const top = items[0].style;
    for (const it of items) if (it.style === top) it.rank = 0.5;
  }
  return items;
}

function sectionName(it: Item): string {
  const cut = it.rest.indexOf('。');
  return it.label + (cut >= 0 ? it.rest.slice(0, cut) : it.rest.replace(/[：:]$/, ''));
}

/**
 * First line at or after `from` that ends the body (attachment, closing, copies, or the
 * closing signature: the signing bodies' lines above a date line), else `to`. A signature
 * counts only after a numbered item, so a covering notice's own signature, printed before
 * the plan, does not end it.
 */
export function bodyEndLine(lines: DocLine[], from: number, to: number): number {
  let seenItem = from > 0 && labelOf(lines, from - 1) !== null;
  for (let i = from; i < to; i++) {
    const t = lines[i].text;
    if (!t) continue;
    if (isAttachment(t) || isClosing(t)) return i;
    if (seenItem && t.length <= 30 && DATE_ONLY.test(t)) {
      // Up to four signing bodies above the date; a date with none is a milestone, not a signature.
      let start = i;
      for (let j = i - 1; j >= from && i - j <= 8 && start - j <= 2; j--) {
        const s = lines[j].text;
        if (!s) continue;
        if (!SIGNATURE.test(s) || labelOf(lines, j) !== null) break;
        start = j;
      }
      if (start < i) return start;
    }
    if (!seenItem) seenItem = labelOf(lines, i) !== null;
  }
  return to;
}

/** Lines of a task: from its label line to `stop`, skipping tables and boxed columns. */
function blockLines(lines: DocLine[], from: number, stop: number): number[] {
  const out: number[] = [];
  const streams = cellStreamLines(lines);
  let inBox = false;
  for (let i = from; i < stop; i++) {
    const l = lines[i];
    if (!l.text) continue;
    if (isTableLine(l) || streams.has(i)) continue;
    if (i > from && BOX.test(l.text)) {
      inBox = true;
      continue;
    }
    if (inBox) continue;
    out.push(i);
  }
  return out;
}

export function buildOutline(lines: DocLine[], bodyStart: number, hasClause: (text: string) => boolean): Outline {
  const end = lines.length;
  const bodyEnd = bodyEndLine(lines, bodyStart, end);
  const main = clauseOutline(lines, bodyStart, bodyEnd, hasClause);
  if (main) return main;
  // Tasks listed in an attachment (考评指标 / 任务清单) when the body itself has none.
  const attach = lines.findIndex((l, i) => i >= bodyEnd && l.text && isAttachment(l.text));
  if (attach >= 0) {
    const fromAttachment = clauseOutline(lines, attach + 1, end, hasClause);
    if (fromAttachment) return fromAttachment;
  }
  return legacyOutline(lines, bodyStart, hasClause);
}

/**
 * Tasks as the clause-bearing items: within each top-level part, the level with the most
 * clause-bearing items; null when no item in [from, to) carries a clause.
 */
function clauseOutline(lines: DocLine[], from: number, to: number, hasClause: (text: string) => boolean): Outline | null {
  const items = collectItems(lines, from, to);
  if (items.length === 0) return null;
  const ownStop = (k: number): number => {
    const next = k + 1 < items.length ? items[k + 1].line : to;
    return Math.min(next, bodyEndLine(lines, items[k].line + 1, next));
  };
  // An item carries a clause when its text ends with one, or one of its paragraphs does (a
  // closing remark may follow the last task's clause before the signature).
  const carries = items.map((it, k) => {
    const texts = blockLines(lines, it.line, ownStop(k)).map((i) => lines[i].text);
    return hasClause(texts.join('\n')) || texts.some(hasClause);
  });
  if (!carries.some(Boolean)) return null;

  let topRank = Infinity;
  for (const it of items) topRank = Math.min(topRank, it.rank);
  // The nearest enclosing item (smaller rank, earlier) of each item, by a stack: linear.
  const enclosing = new Array<number>(items.length).fill(-1);
  const stack: number[] = [];
  items.forEach((it, k) => {
    while (stack.length && items[stack[stack.length - 1]].rank >= it.rank) stack.pop();
    enclosing[k] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(k);
  });
  const chosen: Array<{ k: number; section: string | null; reason: string }> = [];
  const tops = items.map((it, k) => (it.rank === topRank ? k : -1)).filter((k) => k >= 0);
  const topClauses = tops.filter((k) => carries[k]).length;
  if (topClauses >= 2 && topClauses >= tops.length / 2) {
    // The top-level items themselves are the tasks (一、… each with a clause).
    const first = tops.find((k) => carries[k])!;
    const last = [...tops].reverse().find((k) => carries[k])!;
    for (const k of tops) {
      if (k < first || k > last) continue;
      if (!carries[k] && (items[k].headingOnly || EXCLUDED.test(items[k].rest.slice(0, 30)))) continue;
      chosen.push({ k, section: null, reason: carries[k] ? '顶层条目带责任条款' : '顶层条目（同级条目带责任条款）' });
    }
  } else {
    // Parts: the items before the first top item, then one part per top item.
    const bounds = [0, ...tops.filter((k) => k > 0), items.length];
    for (let p = 0; p + 1 < bounds.length; p++) {
      const a = bounds[p];
      const b = bounds[p + 1];
      const head = items[a].rank === topRank ? items[a] : null;
      if (head && GOALS.test(head.rest.slice(0, 20))) continue;
      const members = [];
      for (let k = head ? a + 1 : a; k < b; k++) members.push(k);
      const counts = new Map<number, number>();
      for (const k of members) if (carries[k]) counts.set(items[k].rank, (counts.get(items[k].rank) ?? 0) + 1);
      if (counts.size === 0) continue;
      const rank = [...counts.entries()].sort((x, y) => y[1] - x[1] || y[0] - x[0])[0][0];
      const same = members.filter((k) => items[k].rank === rank);
      const firstC = same.find((k) => carries[k])!;
      const lastC = [...same].reverse().find((k) => carries[k])!;
      for (const k of same) {
        if (k < firstC || k > lastC) continue;
        if (!carries[k] && items[k].headingOnly) continue;
        // Section: the nearest enclosing item within the part, else the part's heading.
        const e = enclosing[k];
        const section: string | null = e >= a ? sectionName(items[e]) : head ? sectionName(head) : null;
        const level = `“${STYLE_SHAPE[items[k].style]}”级编号条目`;
        chosen.push({ k, section, reason: carries[k] ? `${level}带责任条款` : `${level}（同级条目带责任条款）` });
      }
    }
  }
  if (chosen.length === 0) return null;
  const tasks: TaskBlock[] = [];
  let afterTasks = -1;
  for (const c of chosen) {
    const it = items[c.k];
    // The task runs to the next item of its level or above (sub-items stay inside), or the body's end.
    let stop = to;
    for (let j = c.k + 1; j < items.length; j++) {
      if (items[j].rank <= it.rank) {
        stop = items[j].line;
        break;
      }
    }
    stop = Math.min(stop, bodyEndLine(lines, it.line + 1, stop));
    let idx = blockLines(lines, it.line, stop);
    // Paragraphs after the last one a clause closes belong to no task (a closing remark).
    let lastClause = -1;
    for (let j = idx.length - 1; j >= 0; j--) {
      if (hasClause(lines[idx[j]].text)) {
        lastClause = j;
        break;
      }
    }
    if (lastClause >= 0) idx = idx.slice(0, lastClause + 1);
    tasks.push({ item: it, section: c.section, lineIndices: idx, lines: idx.map((i) => lines[i].text), endLine: stop, reason: c.reason });
    afterTasks = Math.max(afterTasks, stop);
  }
  return { tasks, afterTasks, items, region: [from, to] };
}

/** Index (into items) of the item that closes the part opened by items[h]; items.length if none. */
function partEnd(items: Item[], h: number): number {
  const head = items[h];
  for (let k = h + 1; k < items.length; k++) {
    const it = items[k];
    if (!it.headingOnly) continue;
    if (it.style === head.style) return k;
    if (it.number === head.number + 1 && TOP_STYLES.includes(it.style) && it.style !== 'ar-dot') return k;
    if ((it.style === 'cn' || it.style === 'ar-dun') && EXCLUDED.test(it.rest)) return k;
  }
  return items.length;
}

/** Where the body ends for plans without clauses: the first attachment, closing or signature line. */
function firstAttachmentLine(lines: DocLine[], from: number, to: number): number {
  return bodyEndLine(lines, from, to);
}

function block(lines: DocLine[], it: Item, section: string | null, endLine: number, reason: string): TaskBlock {
  const idx = blockLines(lines, it.line, endLine);
  return { item: it, section, lineIndices: idx, lines: idx.map((i) => lines[i].text), endLine, reason };
}

/** Sections and tasks among items[from, to) of one part; stopLine bounds the last task. */
function tasksInPart(lines: DocLine[], items: Item[], from: number, to: number, stopLine: number): TaskBlock[] {
  if (from >= to) return [];
  const first = items[from];
  let sectionStyle: LabelStyle | null = null;
  let taskStyle: LabelStyle = first.style;
  if (first.headingOnly) {
    const nested = items.slice(from + 1, to).find((it) => it.style !== first.style);
    const nextSibling = items.slice(from + 1, to).findIndex((it) => it.style === first.style);
    const nestedIdx = items.slice(from + 1, to).findIndex((it) => it.style !== first.style);
    if (nested && (nextSibling < 0 || nestedIdx < nextSibling)) {
      sectionStyle = first.style;
      taskStyle = nested.style;
    }
  }
  const out: TaskBlock[] = [];
  let section: string | null = null;
  for (let k = from; k < to; k++) {
    const it = items[k];
    if (sectionStyle && it.style === sectionStyle) {
      section = sectionName(it);
      continue;
    }
    if (it.style !== taskStyle) continue;
    let endLine = stopLine;
    for (let j = k + 1; j < to; j++) {
      if (items[j].style === taskStyle || items[j].style === sectionStyle) {
        endLine = items[j].line;
        break;
      }
    }
    out.push(block(lines, it, section, endLine, '重点任务部分的编号条目'));
  }
  return out;
}

function lineOfItem(items: Item[], k: number, fallback: number): number {
  return k < items.length ? items[k].line : fallback;
}

/** Plans without responsibility clauses: the key-tasks part, else the top-level parts. */
function legacyOutline(lines: DocLine[], bodyStart: number, hasClause: (text: string) => boolean): Outline {
  const items = collectItems(lines, bodyStart);
  const key = items.findIndex((it) => it.headingOnly && it.rest.length <= 24 && KEY_TASK.test(it.rest.replace(/[。：:]$/, '')) && !EXCLUDED.test(it.rest));
  if (key >= 0) {
    const end = partEnd(items, key);
    const endLine = firstAttachmentLine(lines, items[key].line, lineOfItem(items, end, lines.length));
    let to = end;
    while (to > key + 1 && items[to - 1].line >= endLine) to--;
    const tasks = tasksInPart(lines, items, key + 1, to, endLine);
    if (tasks.length > 0) return { tasks, afterTasks: endLine, items, region: [bodyStart, endLine] };
  }

  if (items.length === 0) return { tasks: [], afterTasks: -1, items, region: [bodyStart, lines.length] };
  const topStyle = items[0].style;
  const tops: number[] = [];
  items.forEach((it, k) => {
    if (it.style === topStyle) tops.push(k);
  });
  const tasks: TaskBlock[] = [];
  let afterTasks = -1;
  const docEnd = firstAttachmentLine(lines, items[0].line, lines.length);
  const headingParts = tops.filter((k) => items[k].headingOnly).length > tops.length / 2;
  if (!headingParts) {
    for (let t = 0; t < tops.length; t++) {
      const k = tops[t];
      const it = items[k];
      if (it.line >= docEnd) break;
      const endLine = Math.min(docEnd, t + 1 < tops.length ? items[tops[t + 1]].line : lines.length);
      const b = block(lines, it, null, endLine, '顶层编号条目');
      if (EXCLUDED.test(it.rest.slice(0, 30)) && !hasClause(b.lines.join('\n'))) continue;
      tasks.push(b);
      afterTasks = endLine;
    }
    return { tasks, afterTasks, items, region: [bodyStart, docEnd] };
  }
  for (let t = 0; t < tops.length; t++) {
    const k = tops[t];
    const next = t + 1 < tops.length ? tops[t + 1] : items.length;
    const stop = Math.min(docEnd, lineOfItem(items, next, lines.length));
    if (items[k].line >= docEnd) break;
    if (EXCLUDED.test(items[k].rest)) continue;
    let to = next;
    while (to > k + 1 && items[to - 1].line >= stop) to--;
    const part = tasksInPart(lines, items, k + 1, to, stop);
    if (part.length) {
      tasks.push(...part);
      afterTasks = stop;
    }
  }
  return { tasks, afterTasks, items, region: [bodyStart, docEnd] };
}

/** Items of a part titled like 职责分工, as (unit, duty) pairs. */
export function dutyDivisionItems(items: Item[]): Array<{ unit: string; duty: string }> {
  const h = items.findIndex((it) => it.headingOnly && /职责分工|部门职责|责任分工|任务分工/.test(it.rest) && it.rest.length <= 20);
  if (h < 0) return [];
  const end = partEnd(items, h);
  const out: Array<{ unit: string; duty: string }> = [];
  const childStyle = items[h + 1]?.style;
  for (let k = h + 1; k < end; k++) {
    const it = items[k];
    if (it.style !== childStyle) continue;
    const m = /^([^。：:]{2,40}?)[。：:]\s*(.+)$/.exec(it.rest);
    if (m) out.push({ unit: m[1].trim(), duty: m[2].trim() });
  }
  return out;
}
