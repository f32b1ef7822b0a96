import { findBreakdowns } from './breakdown-table';
import { DateContext, findDeadlines } from './deadlines';
import { detectHeader } from './detect-title';
import { PlanParseError } from './errors';
import { findMentionedUnits } from './mentioned-units';
import { normalizeWithMap, toLines } from './normalize-text';
import { findRecurring } from './recurring';
import { detectLeadRule, findClauses, findTrailingClause, parseResponsibility, trailingOf, unitFragments } from './responsibility-clause';
import { findReviewMechanisms, findSanctions, findStrongReviewMechanisms } from './review-and-sanctions';
import { SourceMap } from './source-map';
import { buildOutline, dutyDivisionItems, TaskBlock } from './split-tasks';
import { Plan, PlanTask, ParseOptions, ParseWarning, TaskClause, UnitDirectory, UnitRef } from './types';
import { effectiveDirectory, resolveUnit } from './unit-directory';
import { inheritPrefixes } from './unit-names';
import { lastAtOrBefore } from './sorted-search';

/** Share of control characters that marks decoded bytes as binary, not text. */
const CONTROL_RATIO = 0.02;
const DEFAULT_LINE = /以下.{0,12}?(?:均需|均由|均要|均应)(.{1,120}?)(?:负责)?(?:落实|实施|执行)[，,]?\s*(?:不再|均不再)(?:单独)?(?:一一)?列出/;
const ANCHOR_YEAR = /((?:19|20)\d{2})\s?年起/;

export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > CONTROL_RATIO;
}

/** The task's lines joined with "\n", and where each character of it lies in the document. */
function taskText(block: TaskBlock, lineStarts: number[]): { text: string; at: (offset: number) => number } {
  const starts: number[] = [];
  const docStarts: number[] = [];
  let text = '';
  block.lineIndices.forEach((li, k) => {
    if (k > 0) text += '\n';
    starts.push(text.length);
    docStarts.push(lineStarts[li]);
    text += block.lines[k];
  });
  const at = (offset: number): number => {
    const j = lastAtOrBefore(starts, offset);
    return docStarts[j] + (offset - starts[j]);
  };
  return { text, at };
}

function resolveRefs(directory: UnitDirectory, names: string[], unknown: Set<string>): UnitRef[] {
  return names.map((name) => {
    const u = resolveUnit(directory, name);
    if (!u) unknown.add(name);
    return { name, canonical: u ? u.name : null, unitId: u ? u.id : null, kind: u ? u.kind : null };
  });
}

/** Confidence 0–1 with its reason: numbered item, clause, numbering order, units known. */
function confidenceOf(block: TaskBlock, hasClause: boolean, anyClauses: boolean, inOrder: boolean, unknownUnits: number): { score: number; reason: string } {
  let score = 0.4;
  const why: string[] = [block.reason];
  if (hasClause) {
    score += 0.35;
    why.push('有责任条款');
  } else if (!anyClauses) {
    score += 0.25;
    why.push('全文无责任条款（单位见文中提及）');
  } else why.push('缺责任条款');
  if (inOrder) {
    score += 0.15;
    why.push('编号连续');
  } else why.push('编号不连续');
  if (unknownUnits === 0) score += 0.1;
  else why.push(`${unknownUnits}个单位不在名录中`);
  return { score: Math.round(Math.min(1, score) * 100) / 100, reason: why.join('；') };
}

/** Parse an action plan's text into Plan JSON. Pure and synchronous. */
export function parsePlanText(text: string, options: ParseOptions): Plan {
  if (typeof text !== 'string' || text.replace(/[\s\u3000\ufeff]+/g, '') === '') throw new PlanParseError('empty');
  if (looksBinary(text)) throw new PlanParseError('binary');
  const directory = effectiveDirectory(options.directory);
  const norm = normalizeWithMap(text);
  const normalized = norm.text;
  const lines = toLines(normalized);
  const lineStarts = lines.map((l) => l.textStart);
  const src = new SourceMap(norm.toOriginal, options.pageStarts);
  const header = detectHeader(lines);
  const leadRule = detectLeadRule(normalized);
  const warnings: ParseWarning[] = [];
  const anchor = ANCHOR_YEAR.exec(normalized.length > 200000 ? normalized.slice(0, 200000) : normalized);
  const dates: DateContext = {
    fallbackYear: header.issueDate?.year ?? header.period?.from ?? null,
    issueDate: header.issueDate,
    anchorYear: anchor ? parseInt(anchor[1], 10) : null,
  };

  const outline = buildOutline(lines, header.bodyStart, (t) => findTrailingClause(t) !== null);
  if (outline.tasks.length === 0) throw new PlanParseError('no-tasks', options.document);
  const anyClauses = outline.tasks.some((b) => findTrailingClause(b.lines.join('\n')) !== null);

  let defaultImplementers: string[] = [];
  const tasks: PlanTask[] = [];
  const seen = new Set<number>();
  const unknown = new Set<string>();
  let prevNumber = 0;
  let prevSection: string | null | undefined;
  for (const block of outline.tasks) {
    const it = block.item;
    const { text: fullText, at } = taskText(block, lineStarts);
    const range = (a: number, b: number) => src.range(at(a), at(Math.max(a, b - 1)) + 1);
    const all = findClauses(fullText);
    const trailing = trailingOf(all, fullText);
    const cut = it.rest.indexOf('。');
    const title = (cut >= 0 ? it.rest.slice(0, cut) : it.rest.replace(/[：:]$/, '')).trim();
    const resp = trailing ? parseResponsibility(trailing.raw, leadRule) : null;
    const clauses: TaskClause[] = all.map((c) => {
      const r = c === trailing && resp ? resp : parseResponsibility(c.raw, leadRule);
      if (r.defaultImplementers.length && defaultImplementers.length === 0) defaultImplementers = r.defaultImplementers;
      return { raw: c.raw, lead: r.lead, units: r.units, unitsResolved: r.unitsResolved, supporting: r.supporting, trailing: c === trailing, sourceRange: range(c.start, c.end), reason: c.reason };
    });
    const unitRefs = resolveRefs(directory, resp?.unitsResolved ?? [], unknown);
    if (trailing && resp) {
      // Each printed unit's place: find it inside the clause text.
      const rawAt = fullText.indexOf(trailing.raw, trailing.start);
      unitRefs.forEach((u, k) => {
        const off = resp.unitOffsets[k];
        if (rawAt >= 0 && off !== undefined) u.sourceRange = range(rawAt + off, rawAt + off + resp.units[k].length);
      });
    }
    // Deadlines and duties come from the task's prose (and a clause's deadline part), not from unit names.
    const prose = fullText.slice(it.label.length);
    const proseAt = it.label.length;
    const deadlines = findDeadlines(prose, dates).map((d) => ({
      due: d.due,
      text: d.text,
      ...(d.relative ? { relative: true as const } : {}),
      sourceRange: range(proseAt + d.at, proseAt + d.at + d.text.length),
      reason: d.reason,
    }));
    const recurring = findRecurring(prose).map((r) => ({ every: r.every, text: r.text, sourceRange: range(proseAt + r.at, proseAt + r.at + r.text.length) }));
    const inOrder = it.number === prevNumber + 1 || (it.number === 1 && block.section !== prevSection);
    const conf = confidenceOf(block, trailing !== null, anyClauses, inOrder, unitRefs.filter((u) => u.canonical === null).length);
    const task: PlanTask = {
      number: it.number,
      label: it.label,
      section: block.section,
      title,
      text: fullText,
      responsibleRaw: trailing ? trailing.raw : null,
      lead: resp?.lead ?? [],
      units: resp?.units ?? [],
      unitsResolved: resp?.unitsResolved ?? [],
      supporting: resp?.supporting ?? [],
      unitRefs,
      deadlines,
      recurring,
      line: it.line + 1,
      sourceRange: range(0, fullText.length),
      clauses,
      confidence: conf.score,
      reason: conf.reason,
    };
    // The heading phrase counts too: where a task is one sentence, its actor is in it
    // ("西藏自治区人民政府要…").
    if (!trailing) task.mentionedUnits = findMentionedUnits(prose);
    if (seen.has(it.number)) {
      warnings.push({ code: 'duplicate-task-number', message: `任务编号 ${it.number} 重复（各部分重新编号？）/ task number repeats`, taskNumber: it.number });
    }
    seen.add(it.number);
    prevNumber = it.number;
    prevSection = block.section;
    tasks.push(task);
  }
  for (const name of unknown) {
    warnings.push({ code: 'unknown-unit', message: `未知单位“${name}”（已保留）/ unit not in directory, kept` });
  }
  if (defaultImplementers.length === 0) {
    for (const l of lines) {
      const m = l.text.length < 400 ? DEFAULT_LINE.exec(l.text) : null;
      if (m) {
        defaultImplementers = inheritPrefixes(unitFragments(m[1]));
        break;
      }
    }
  }
  if (tasks.every((t) => t.responsibleRaw === null)) {
    warnings.push({ code: 'no-responsibility-clauses', message: '任务均无责任单位条款，已列出文中提及的单位 / no responsibility clauses; see mentionedUnits' });
  }

  // Review mechanism: the text after the tasks, else the body outside the tasks, else the tasks' own text.
  const inTask = new Set<number>();
  for (const b of outline.tasks) for (const i of b.lineIndices) inTask.add(i);
  const textOf = (from: number, to: number, keep: (i: number) => boolean) =>
    lines
      .slice(from, to)
      .filter((l) => keep(l.index))
      .map((l) => l.text)
      .join('\n');
  let reviewMechanism = outline.afterTasks >= 0 ? findReviewMechanisms(textOf(outline.afterTasks, lines.length, () => true)) : [];
  if (reviewMechanism.length === 0) reviewMechanism = findReviewMechanisms(textOf(header.bodyStart, lines.length, (i) => !inTask.has(i)));
  if (reviewMechanism.length === 0) reviewMechanism = findStrongReviewMechanisms(tasks.map((t) => t.text).join('\n'));
  const bodyText = textOf(header.bodyStart, lines.length, () => true);
  const breakdowns = findBreakdowns(lines, warnings).map((c) => {
    const { at: cellAt, length, ...cell } = c;
    return { ...cell, sourceRange: src.range(cellAt, cellAt + Math.max(1, length)) };
  });

  return {
    document: options.document,
    title: header.title,
    docNumber: header.docNumber,
    issuer: header.issuer,
    period: header.period,
    reviewMechanism,
    sanctions: findSanctions(bodyText),
    defaultImplementers,
    dutyDivision: dutyDivisionItems(outline.items),
    tasks,
    breakdowns,
    warnings,
  };
}
