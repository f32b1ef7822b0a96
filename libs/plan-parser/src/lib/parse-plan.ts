import { findBreakdowns } from './breakdown-table';
import { findDeadlines } from './deadlines';
import { detectHeader } from './detect-title';
import { PlanParseError } from './errors';
import { findMentionedUnits } from './mentioned-units';
import { normalizeText, toLines } from './normalize-text';
import { findRecurring } from './recurring';
import { detectLeadRule, findTrailingClause, parseResponsibility, unitFragments } from './responsibility-clause';
import { findReviewMechanisms, findSanctions } from './review-and-sanctions';
import { buildOutline, dutyDivisionItems } from './split-tasks';
import { Plan, PlanTask, ParseOptions, ParseWarning, UnitRef } from './types';
import { effectiveDirectory, resolveUnit } from './unit-directory';
import { inheritPrefixes } from './unit-names';

/** Share of control characters that marks decoded bytes as binary, not text. */
const CONTROL_RATIO = 0.02;
const DEFAULT_LINE = /以下.{0,12}?(?:均需|均由|均要|均应)(.{1,120}?)(?:负责)?(?:落实|实施|执行)[，,]?\s*(?:不再|均不再)(?:单独)?(?:一一)?列出/;

export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > CONTROL_RATIO;
}

/** The year of the plan's issue date (成文日期 such as 2024年3月5日) among its opening lines. */
function issueYear(headLines: string[]): number | null {
  for (const line of headLines) {
    const m = line.length < 40 ? /^\s*((?:19|20)\d{2})年\d{1,2}月\d{1,2}日\s*$/.exec(line) : null;
    if (m) return parseInt(m[1], 10);
  }
  return null;
}

/** Parse an action plan's text into Plan JSON. Pure and synchronous. */
export function parsePlanText(text: string, options: ParseOptions): Plan {
  if (typeof text !== 'string' || text.replace(/[\s\u3000\ufeff]+/g, '') === '') throw new PlanParseError('empty');
  if (looksBinary(text)) throw new PlanParseError('binary');
  const directory = effectiveDirectory(options.directory);
  const normalized = normalizeText(text);
  const lines = toLines(normalized);
  const header = detectHeader(lines);
  const leadRule = detectLeadRule(normalized);
  const warnings: ParseWarning[] = [];
  const yearInForce = issueYear(lines.slice(0, Math.max(header.bodyStart, 40)).map((l) => l.text)) ?? header.period?.from ?? null;

  const outline = buildOutline(lines, header.bodyStart, (t) => findTrailingClause(t) !== null);
  if (outline.tasks.length === 0) throw new PlanParseError('no-tasks', options.document);

  let defaultImplementers: string[] = [];
  const tasks: PlanTask[] = [];
  const seen = new Set<number>();
  const unknown = new Set<string>();
  for (const block of outline.tasks) {
    const it = block.item;
    const fullText = block.lines.join('\n');
    const clause = findTrailingClause(fullText);
    const body = clause ? fullText.slice(0, clause.start) : fullText;
    const cut = it.rest.indexOf('。');
    const title = (cut >= 0 ? it.rest.slice(0, cut) : it.rest.replace(/[：:]$/, '')).trim();
    const resp = clause ? parseResponsibility(clause.raw, leadRule) : null;
    if (resp && resp.defaultImplementers.length && defaultImplementers.length === 0) defaultImplementers = resp.defaultImplementers;
    const unitRefs: UnitRef[] = (resp?.unitsResolved ?? []).map((name) => {
      const u = resolveUnit(directory, name);
      if (!u) unknown.add(name);
      return { name, canonical: u ? u.name : null, unitId: u ? u.id : null, kind: u ? u.kind : null };
    });
    // Deadlines and duties come from the task's prose, not from its clause.
    const prose = body.slice(it.label.length);
    const task: PlanTask = {
      number: it.number,
      label: it.label,
      section: block.section,
      title,
      text: fullText,
      responsibleRaw: clause ? clause.raw : null,
      lead: resp?.lead ?? [],
      units: resp?.units ?? [],
      unitsResolved: resp?.unitsResolved ?? [],
      supporting: resp?.supporting ?? [],
      unitRefs,
      deadlines: findDeadlines(prose, yearInForce),
      recurring: findRecurring(prose),
      line: it.line + 1,
    };
    if (!clause) task.mentionedUnits = findMentionedUnits(prose.slice(title.length));
    if (seen.has(it.number)) {
      warnings.push({ code: 'duplicate-task-number', message: `任务编号 ${it.number} 重复（各部分重新编号？）/ task number repeats`, taskNumber: it.number });
    }
    seen.add(it.number);
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

  const afterText = outline.afterTasks >= 0 ? lines.slice(outline.afterTasks).map((l) => l.text).join('\n') : '';
  const bodyText = lines.slice(header.bodyStart).map((l) => l.text).join('\n');
  const breakdowns = findBreakdowns(lines, warnings);

  return {
    document: options.document,
    title: header.title,
    docNumber: header.docNumber,
    issuer: header.issuer,
    period: header.period,
    reviewMechanism: findReviewMechanisms(afterText),
    sanctions: findSanctions(bodyText),
    defaultImplementers,
    dutyDivision: dutyDivisionItems(outline.items),
    tasks,
    breakdowns,
    warnings,
  };
}
