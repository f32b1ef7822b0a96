import { isHeadingOnly, Label, LabelStyle, parseLabel } from './labels';
import { DocLine } from './normalize-text';

/**
 * Document outline → task blocks. Finds the key-tasks part (重点任务/主要任务…), its
 * sub-headings (sections) and the numbered items under them; a plan whose top-level
 * items are themselves the tasks (一、… each with a clause) is handled by the fallback.
 */
export interface Item extends Label {
  line: number;
  headingOnly: boolean;
}

export interface TaskBlock {
  item: Item;
  section: string | null;
  /** Lines of the task (first line included), table rows excluded. */
  lines: string[];
  endLine: number;
}

export interface Outline {
  tasks: TaskBlock[];
  /** First line after the task part (for review/sanction search), or -1. */
  afterTasks: number;
  items: Item[];
}

const KEY_TASK =
  /^(?:[一二三四五六七八九十]{1,2}项)?(?:主要|重点|核心|具体|重大|工作|行动)?(?:任务|工作任务|举措|措施|工作|行动|工程|内容|项目)(?:和|与|及)?(?:措施|举措|分工|安排|清单)?[。：:]?$|重点任务|主要任务|工作任务|重点工作|主要措施|重点举措|具体措施|工作措施|主要举措|重点行动|行动任务|任务措施|重点工程|工作重点|任务分工/;
const EXCLUDED =
  /指导思想|总体要求|总体思路|基本原则|工作原则|主要目标|工作目标|发展目标|目标任务|行动目标|保障措施|保障机制|组织实施|组织领导|组织保障|工作要求|实施步骤|进度安排|职责分工|部门职责|责任分工|工作机制|监督考核|考核评估|附则|其他事项/;
const TOP_STYLES: LabelStyle[] = ['cn', 'ar-dun', 'ar-dot', 'article'];

export function isTableLine(l: DocLine): boolean {
  return /^[ \u3000]*\t/.test(l.raw) || /^\s*\|/.test(l.raw) || (l.raw.match(/\t/g)?.length ?? 0) >= 2;
}

export function collectItems(lines: DocLine[], from: number): Item[] {
  const items: Item[] = [];
  for (let i = from; i < lines.length; i++) {
    const l = lines[i];
    if (!l.text || isTableLine(l)) continue;
    const lab = parseLabel(l.text.length > 400 ? l.text.slice(0, 400) : l.text);
    if (lab) items.push({ ...lab, line: i, headingOnly: isHeadingOnly(l.text.slice(lab.label.length).trim()) });
  }
  return items;
}

const isAttachment = (t: string): boolean => /^附件\s?\d{0,2}\s?[：:]?/.test(t) && t.length <= 60;

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

function firstAttachmentLine(lines: DocLine[], from: number, to: number): number {
  for (let i = from; i < to; i++) if (lines[i].text && isAttachment(lines[i].text)) return i;
  return to;
}

function sectionName(it: Item): string {
  const cut = it.rest.indexOf('。');
  return it.label + (cut >= 0 ? it.rest.slice(0, cut) : it.rest.replace(/[：:]$/, ''));
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
    // The task runs to the next task or section item (or the part's end).
    let endLine = stopLine;
    for (let j = k + 1; j < to; j++) {
      if (items[j].style === taskStyle || items[j].style === sectionStyle) {
        endLine = items[j].line;
        break;
      }
    }
    const body: string[] = [];
    for (let i = it.line; i < endLine; i++) if (lines[i].text && !isTableLine(lines[i])) body.push(lines[i].text);
    out.push({ item: it, section, lines: body, endLine });
  }
  return out;
}

function lineOfItem(items: Item[], k: number, fallback: number): number {
  return k < items.length ? items[k].line : fallback;
}

export function buildOutline(lines: DocLine[], bodyStart: number, hasClause: (text: string) => boolean): Outline {
  const items = collectItems(lines, bodyStart);
  const key = items.findIndex((it) => it.headingOnly && it.rest.length <= 24 && KEY_TASK.test(it.rest.replace(/[。：:]$/, '')) && !EXCLUDED.test(it.rest));
  if (key >= 0) {
    const end = partEnd(items, key);
    const endLine = firstAttachmentLine(lines, items[key].line, lineOfItem(items, end, lines.length));
    let to = end;
    while (to > key + 1 && items[to - 1].line >= endLine) to--;
    const tasks = tasksInPart(lines, items, key + 1, to, endLine);
    if (tasks.length > 0) return { tasks, afterTasks: endLine, items };
  }

  // Fallback: no key-tasks heading. Work through the top-level parts.
  if (items.length === 0) return { tasks: [], afterTasks: -1, items };
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
    // Top-level items are the tasks (each usually carrying a clause).
    for (let t = 0; t < tops.length; t++) {
      const k = tops[t];
      const it = items[k];
      if (it.line >= docEnd) break;
      const endLine = Math.min(docEnd, t + 1 < tops.length ? items[tops[t + 1]].line : lines.length);
      const body: string[] = [];
      for (let i = it.line; i < endLine; i++) if (lines[i].text && !isTableLine(lines[i])) body.push(lines[i].text);
      if (EXCLUDED.test(it.rest.slice(0, 30)) && !hasClause(body.join('\n'))) continue;
      tasks.push({ item: it, section: null, lines: body, endLine });
      afterTasks = endLine;
    }
    return { tasks, afterTasks, items };
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
  return { tasks, afterTasks, items };
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
