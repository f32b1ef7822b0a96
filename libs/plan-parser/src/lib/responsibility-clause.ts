import { inheritPrefixes, looksLikeUnit, splitTopLevel } from './unit-names';

/**
 * Responsibility clauses: （责任单位：…）, （责任部门：…按职责分工负责）, bare
 * （市卫健委、市财政局）, （牵头单位：X；配合单位：Y、Z）, "X牵头，Y、Z配合", a trailing
 * "责任单位：…" paragraph, and the "以下均需…落实，不再列出" default implementers.
 */
export interface ClauseMatch {
  /** Clause content after any 责任单位：/责任部门： prefix (responsibleRaw). */
  raw: string;
  /** Offset in the task text where the clause (with its brackets) starts. */
  start: number;
}

export type LeadRule = 'first' | 'first-comma-group';

export interface Responsibility {
  units: string[];
  unitsResolved: string[];
  lead: string[];
  supporting: string[];
  defaultImplementers: string[];
}

const PREFIX = /^(?:责任单位|责任部门|责任主体|主责单位|负责单位|实施单位|承办单位|完成单位|落实单位|责任处室|牵头单位|牵头部门|主办单位)\s*[：:]/;
const STRIP_PREFIX = /^(?:责任单位|责任部门|责任主体|主责单位|负责单位|实施单位|承办单位|完成单位|落实单位|责任处室)\s*[：:]\s*/;
const MAX_CLAUSE = 400;
const DEFAULT_SENTENCE = /以下.{0,12}?(?:均需|均由|均要|均应|需|由)(.{1,120}?)(?:负责)?(?:落实|实施|执行)[，,]?\s*(?:不再|均不再)(?:单独)?(?:一一)?列出/;

function isOpen(c: string): boolean {
  return c === '（' || c === '(';
}
function isClose(c: string): boolean {
  return c === '）' || c === ')';
}

/** Unit fragments of a clause-like string, boilerplate removed (see plan-json.md). */
export function unitFragments(segment: string): string[] {
  const out: string[] = [];
  for (let f of splitTopLevel(segment, '、，,；;')) {
    f = f
      .replace(/^(?:由|请|和|及|以及)/, '')
      .replace(/(?:按照?职责分工(?:负责|落实)?|按职责(?:负责|落实)?|分别负责|共同负责|负责落实|具体落实|抓好落实|组织实施|负责|牵头|配合|参与|协助|协同|落实)+$/, '')
      .replace(/等(?:部门|单位)?$/, '')
      .replace(/[。.；;]+$/, '')
      .trim();
    if (f) out.push(f);
  }
  return out;
}

/** The trailing responsibility clause of a task's text, if any. */
export function findTrailingClause(text: string): ClauseMatch | null {
  let end = text.length;
  while (end > 0 && /[\s\u3000。.；;，,]/.test(text[end - 1])) end--;
  if (end > 0 && isClose(text[end - 1])) {
    let depth = 0;
    const stop = Math.max(0, end - MAX_CLAUSE);
    for (let i = end - 1; i >= stop; i--) {
      const c = text[i];
      if (isClose(c)) depth++;
      else if (isOpen(c)) {
        depth--;
        if (depth === 0) {
          const inner = text.slice(i + 1, end - 1).trim();
          if (isClauseContent(inner)) return { raw: inner.replace(STRIP_PREFIX, ''), start: i };
          return null;
        }
      }
    }
    return null; // unbalanced or too long: not a clause
  }
  // A trailing paragraph / sentence "责任单位：…" without brackets.
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('。', end - 1));
  const tail = text.slice(lastBreak + 1, end).trim();
  if (tail.length > 0 && tail.length <= MAX_CLAUSE && PREFIX.test(tail)) {
    return { raw: tail.replace(STRIP_PREFIX, ''), start: lastBreak + 1 };
  }
  // "X牵头，Y、Z配合" as the task's last sentence.
  if (tail.length > 0 && tail.length <= 120 && /牵头/.test(tail) && /^[^。；]{2,60}牵头(?:[，,][^。；]{2,80}(?:配合|参与|协助))?$/.test(tail)) {
    const frags = unitFragments(tail);
    if (frags.length > 0 && frags.every(looksLikeUnit)) return { raw: tail, start: lastBreak + 1 };
  }
  return null;
}

function isClauseContent(inner: string): boolean {
  if (!inner || inner.length > MAX_CLAUSE) return false;
  if (PREFIX.test(inner)) return true;
  // Bare lists: most fragments of the first sentence look like unit names.
  const first = inner.split(/[。；;]/)[0];
  const frags = unitFragments(first);
  if (frags.length === 0 || !looksLikeUnit(frags[0])) return false;
  const good = frags.filter(looksLikeUnit).length;
  return good / frags.length >= 0.6;
}

/** Does the document declare which listed unit leads ("第一个逗号前为牵头单位")? */
export function detectLeadRule(fullText: string): LeadRule {
  const head = fullText.length > 200000 ? fullText.slice(0, 200000) : fullText;
  if (/第一个逗号前[^。]{0,10}牵头|逗号前(?:的|为)[^。]{0,6}牵头/.test(head)) return 'first-comma-group';
  return 'first';
}

function dedupe(xs: string[]): string[] {
  return Array.from(new Set(xs));
}

export function parseResponsibility(raw: string, rule: LeadRule): Responsibility {
  let defaults: string[] = [];
  const kept: string[] = [];
  // Sentences/segments; the "以下均需…不再列出" one only declares default implementers.
  for (const seg of splitTopLevel(raw, '。；;')) {
    const d = DEFAULT_SENTENCE.exec(seg);
    if (d || /不再(?:单独)?列出/.test(seg)) {
      if (d) defaults = inheritPrefixes(unitFragments(d[1]));
      continue;
    }
    kept.push(seg);
  }
  const units: string[] = [];
  const leadIdx: number[] = [];
  const supportIdx: number[] = [];
  let firstCommaGroup = -1;
  kept.forEach((seg, si) => {
    let role: 'lead' | 'support' | null = null;
    let body = seg;
    const labelled = /^(牵头单位|牵头部门|主办单位|主责单位|配合单位|配合部门|协办单位|参与单位|责任单位|责任部门)\s*[：:]\s*/.exec(body);
    if (labelled) {
      role = /牵头|主办|主责/.test(labelled[1]) ? 'lead' : /配合|协办|参与/.test(labelled[1]) ? 'support' : null;
      body = body.slice(labelled[0].length);
    }
    // "X牵头，Y、Z配合" inside one segment.
    const groups = splitTopLevel(body, '，,');
    groups.forEach((g, gi) => {
      let gRole = role;
      if (/牵头(?:负责)?$/.test(g)) gRole = 'lead';
      else if (/(?:配合|参与|协助|协同|协办)$/.test(g)) gRole = 'support';
      for (const f of unitFragments(g)) {
        const at = units.length;
        units.push(f);
        if (gRole === 'lead') leadIdx.push(at);
        else if (gRole === 'support') supportIdx.push(at);
      }
      if (gi === 0 && si === 0) firstCommaGroup = units.length;
    });
  });
  const resolved = inheritPrefixes(units);
  let lead: number[] = leadIdx;
  if (lead.length === 0 && resolved.length > 0) {
    lead = rule === 'first-comma-group' && firstCommaGroup > 0 ? Array.from({ length: firstCommaGroup }, (_, i) => i) : [0];
  }
  return {
    units,
    unitsResolved: resolved,
    lead: dedupe(lead.map((i) => resolved[i])),
    supporting: dedupe(supportIdx.map((i) => resolved[i])),
    defaultImplementers: defaults,
  };
}
