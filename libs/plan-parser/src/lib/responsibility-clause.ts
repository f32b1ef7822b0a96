import { inheritPrefixes, looksLikeUnit, splitTopLevel } from './unit-names';

/**
 * Responsibility clauses, recognised by structure: a parenthesised or bracketed span
 * (（） () 〔〕 【】 ［］) whose content is a list of unit-like names, with or without a
 * 责任单位 / 牵头单位 / 配合单位 label, separated by comma, semicolon or 顿号 — plus a
 * trailing "责任单位：…" paragraph and a closing "X牵头，Y、Z配合。" sentence. A span in
 * mid-paragraph counts only when it is labelled or carries a role word (牵头 / 负责 /
 * 配合), so asides such as （含中医医院） are not taken for clauses.
 */
export interface ClauseMatch {
  /** Clause content after any 责任单位：/责任部门： prefix (responsibleRaw). */
  raw: string;
  /** Offset (in the searched text) of the clause's first character (its opening bracket). */
  start: number;
  /** Offset just past the clause (its closing bracket). */
  end: number;
  /** The clause closes its paragraph (nothing but punctuation follows before the line end). */
  trailing: boolean;
  kind: 'bracket' | 'paragraph' | 'sentence';
  /** Why it was taken (shown by `duban parse --explain`). */
  reason: string;
}

export type LeadRule = 'first' | 'first-comma-group';

export interface Responsibility {
  units: string[];
  unitsResolved: string[];
  lead: string[];
  supporting: string[];
  defaultImplementers: string[];
  /** Text of the clause that is not a unit (e.g. the deadline in "6月底完成，牵头考核单位：…"). */
  preamble: string;
  /** Offsets (in `raw`) of each unit fragment, parallel to `units`. */
  unitOffsets: number[];
}

const LABEL = /(?:牵头|配合|协办|参与|主办|主责|责任|负责|实施|承办|完成|落实|协作|指导)(?:考核|推进|督办)?(?:单位|部门|主体|处室|科室)\s*[：:]/g;
const LABEL_AT_START = new RegExp(`^(?:${LABEL.source})`);
const STRIP_PREFIX = /^(?:责任单位|责任部门|责任主体|主责单位|负责单位|实施单位|承办单位|完成单位|落实单位|责任处室)\s*[：:]\s*/;
const ROLE_WORD = /牵头|负责|配合|参与|协助|协同|协办/;
const MAX_CLAUSE = 400;
const DEFAULT_SENTENCE = /以下.{0,12}?(?:均需|均由|均要|均应|需|由)(.{1,120}?)(?:负责)?(?:落实|实施|执行)[，,]?\s*(?:不再|均不再)(?:单独)?(?:一一)?列出/;
/** "列第一位的为牵头单位" and its wordings: 排在第一位的部门为牵头部门, 列第一位者为牵头单位, 排名第一的为…. */
const FIRST_LEADS = /^(?:列|排名?|排在)第一(?:位|个)?(?:的|者)?(?:部门|单位)?为牵头(?:部门|单位)/;
/** Boilerplate that names no unit. */
const BOILERPLATE = new RegExp(
  `${FIRST_LEADS.source}(?:[，,]?下同)?$|^第一个为牵头单位(?:[，,]?下同)?$|^下同$|^(?:按照?职责(?:分工)?(?:负责|落实|配合)?|分别负责|共同负责|负责落实|抓好落实)$`,
);
/** "X等和各省级人民政府" / "X等有关部门和Y": 等 closes one list and 和 / 及 adds another unit. */
const ETC_AND = /等(?:相关|有关)?(?:部门|单位)?(?:和|及|以及)(?!部门|单位|地区|机构|其他)(?=各|[\u4e00-\u9fa5]{2})/g;
/** Trailing "等" phrases that name no further unit: 等有关部门和单位, 等相关部门, 等. */
const ETC_TAIL = /等(?:相关|有关|其他)?(?:部门|单位|地区|机构)?(?:(?:和|及)(?:部门|单位|地区|机构))?$/;
const OPENERS: Record<string, string> = { '（': '）', '(': ')', '〔': '〕', '【': '】', '［': '］', '[': ']' };
const CLOSERS = '）)〕】］]';

/** Unit fragments of a clause-like string, boilerplate removed (see plan-json.md). */
export function unitFragments(segment: string): string[] {
  return unitFragmentsAt(segment).map((f) => f.text);
}

function unitFragmentsAt(segment: string, base = 0): Array<{ text: string; at: number }> {
  const out: Array<{ text: string; at: number }> = [];
  let from = 0;
  const parts: string[] = [];
  for (const p of splitTopLevel(segment, '、，,；;')) parts.push(...p.split(ETC_AND).filter((x) => x.trim()));
  for (const part of parts) {
    const at = segment.indexOf(part, from);
    from = at + part.length;
    const f = part
      .replace(/^(?:由|请|和|及|以及)/, '')
      .replace(/(?:按照?职责分工(?:负责|落实|配合)?|按职责(?:负责|落实|配合)?|分别负责|共同负责|负责落实|具体落实|抓好落实|组织实施|负责|牵头|配合|参与|协助|协同|落实)+$/, '')
      .replace(ETC_TAIL, '')
      .replace(/[。.；;]+$/, '')
      .trim();
    if (!f || BOILERPLATE.test(f) || FIRST_LEADS.test(f) || /^下同/.test(f)) continue;
    const lead = part.indexOf(f);
    out.push({ text: f, at: base + at + Math.max(0, lead) });
  }
  return out;
}

/** Is `inner` (a bracket's content) a responsibility clause? */
function clauseKind(inner: string, trailing: boolean): string | null {
  if (!inner || inner.length > MAX_CLAUSE) return null;
  LABEL.lastIndex = 0;
  if (LABEL_AT_START.test(inner)) return '带“单位：”标签的括号条款';
  LABEL.lastIndex = 0;
  const labelled = LABEL.exec(inner);
  if (labelled && labelled.index > 0 && /[，,；;]\s*$/.test(inner.slice(0, labelled.index))) return '括号内带“单位：”标签（前有时限）';
  if (/不再(?:单独)?列出/.test(inner) && /以下/.test(inner)) return '括号内“以下均需……不再列出”';
  const first = inner.split(/[。；;]/)[0];
  const frags = unitFragments(first);
  if (frags.length === 0 || !looksLikeUnit(frags[0])) return null;
  const good = frags.filter(looksLikeUnit).length;
  if (good / frags.length < 0.6) return null;
  if (ROLE_WORD.test(inner)) return '括号内单位名单（含牵头/负责/配合）';
  return trailing ? '段末括号内单位名单' : null;
}

const OPENER = /[（(〔【［[]/g;

/** Every clause in `text` (a task's text), in order. */
export function findClauses(text: string): ClauseMatch[] {
  const out: ClauseMatch[] = [];
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(text); m; m = OPENER.exec(text)) {
    const i = m.index;
    const close = OPENERS[text[i]];
    // Balanced span (any bracket kind nests; a line end or a stray closer ends the search).
    let depth = 0;
    let j = i;
    const stop = Math.min(text.length, i + MAX_CLAUSE + 2);
    for (; j < stop; j++) {
      const c = text[j];
      if (OPENERS[c]) depth++;
      else if (CLOSERS.includes(c)) {
        depth--;
        if (depth === 0) break;
      } else if (c === '\n') break;
    }
    if (j >= stop || text[j] !== close) continue;
    const inner = text.slice(i + 1, j).trim();
    let k = j + 1;
    while (k < text.length && /[ \u3000。；;，,.]/.test(text[k])) k++;
    const trailing = k >= text.length || text[k] === '\n';
    const kind = clauseKind(inner, trailing);
    if (kind) {
      out.push({ raw: inner.replace(STRIP_PREFIX, ''), start: i, end: j + 1, trailing, kind: 'bracket', reason: kind });
      OPENER.lastIndex = j + 1;
    }
  }
  const last = out[out.length - 1];
  const tail = tailClause(text, last ? last.end : 0);
  if (tail) out.push(tail);
  return out;
}

/** A trailing paragraph "责任单位：…" or a closing sentence "X牵头，Y、Z配合。" (not before `from`). */
function tailClause(text: string, from: number): ClauseMatch | null {
  let end = text.length;
  while (end > 0 && /[\s\u3000。.；;，,]/.test(text[end - 1])) end--;
  if (end <= from) return null;
  const lastBreak = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('。', end - 1));
  const tail = text.slice(lastBreak + 1, end).trim();
  const tailStart = text.indexOf(tail, lastBreak + 1);
  if (!tail || tailStart < from) return null;
  if (tail.length <= MAX_CLAUSE && LABEL_AT_START.test(tail) && tailStart > 0) {
    return { raw: tail.replace(STRIP_PREFIX, ''), start: tailStart, end: tailStart + tail.length, trailing: true, kind: 'paragraph', reason: '段落“责任单位：……”' };
  }
  if (tail.length <= 120 && /^[^。；]{2,60}牵头(?:[，,][^。；]{2,80}(?:配合|参与|协助))?$/.test(tail)) {
    const frags = unitFragments(tail);
    if (frags.length > 0 && frags.every(looksLikeUnit)) return { raw: tail, start: tailStart, end: tailStart + tail.length, trailing: true, kind: 'sentence', reason: '句末“X牵头，Y配合”' };
  }
  return null;
}

/** The clause that closes the task's text, if any (found from the end: cost ∝ the clause). */
export function findTrailingClause(text: string): ClauseMatch | null {
  let end = text.length;
  while (end > 0 && /[\s\u3000。.；;，,]/.test(text[end - 1])) end--;
  if (end === 0) return null;
  if (CLOSERS.includes(text[end - 1])) {
    let depth = 0;
    const stop = Math.max(0, end - MAX_CLAUSE - 2);
    for (let i = end - 1; i >= stop; i--) {
      const c = text[i];
      if (c === '\n') return null;
      if (CLOSERS.includes(c)) depth++;
      else if (OPENERS[c]) {
        depth--;
        if (depth === 0) {
          if (OPENERS[c] !== text[end - 1]) return null;
          const inner = text.slice(i + 1, end - 1).trim();
          const kind = clauseKind(inner, true);
          return kind ? { raw: inner.replace(STRIP_PREFIX, ''), start: i, end, trailing: true, kind: 'bracket', reason: kind } : null;
        }
      }
    }
    return null; // unbalanced or too long: not a clause
  }
  return tailClause(text, 0);
}

/** The clause of `all` (found in `text`) that closes the text, if any. */
export function trailingOf(all: ClauseMatch[], text: string): ClauseMatch | null {
  const last = all[all.length - 1];
  if (!last || !last.trailing) return null;
  let end = text.length;
  while (end > 0 && /[\s\u3000。.；;，,]/.test(text[end - 1])) end--;
  return last.end >= end ? last : null;
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

type Role = 'lead' | 'support' | null;

function roleOfLabel(label: string): Role {
  if (/牵头|主办|主责/.test(label)) return 'lead';
  if (/配合|协办|参与|协作/.test(label)) return 'support';
  return null;
}

export function parseResponsibility(raw: string, rule: LeadRule): Responsibility {
  let defaults: string[] = [];
  // Segments ("以下均需…不再列出" only declares default implementers).
  const segments: Array<{ text: string; at: number }> = [];
  let from = 0;
  for (const seg of splitTopLevel(raw, '。；;')) {
    const at = raw.indexOf(seg, from);
    from = at + seg.length;
    const d = DEFAULT_SENTENCE.exec(seg);
    if (d || /不再(?:单独)?列出/.test(seg)) {
      if (d) defaults = inheritPrefixes(unitFragments(d[1]));
      continue;
    }
    segments.push({ text: seg, at });
  }
  const units: string[] = [];
  const offsets: number[] = [];
  const leadIdx: number[] = [];
  const supportIdx: number[] = [];
  let firstCommaGroup = -1;
  let preamble = '';
  const push = (text: string, at: number, role: Role) => {
    if (units.includes(text)) return;
    if (role === 'lead') leadIdx.push(units.length);
    else if (role === 'support') supportIdx.push(units.length);
    units.push(text);
    offsets.push(at);
  };
  segments.forEach((seg, si) => {
    // Labelled spans: each label ("牵头单位：", "配合单位：") runs to the next label.
    const labels: Array<{ at: number; len: number; role: Role }> = [];
    LABEL.lastIndex = 0;
    for (let m = LABEL.exec(seg.text); m; m = LABEL.exec(seg.text)) labels.push({ at: m.index, len: m[0].length, role: roleOfLabel(m[0]) });
    const spans: Array<{ text: string; at: number; role: Role }> = [];
    if (labels.length) {
      const before = seg.text.slice(0, labels[0].at);
      if (before.replace(/[，,；;\s]/g, '')) {
        // Units before the first label are kept only if they look like units (else: a deadline).
        const frags = unitFragments(before);
        if (frags.length && frags.every(looksLikeUnit)) spans.push({ text: before, at: seg.at, role: null });
        else preamble = before.replace(/[，,；;\s]+$/, '');
      }
      labels.forEach((l, li) => {
        const stop = li + 1 < labels.length ? labels[li + 1].at : seg.text.length;
        spans.push({ text: seg.text.slice(l.at + l.len, stop), at: seg.at + l.at + l.len, role: l.role });
      });
    } else spans.push({ text: seg.text, at: seg.at, role: null });
    for (const span of spans) {
      // "X牵头，Y、Z配合" inside one span: the role word closes its comma group.
      let gFrom = 0;
      const groups = splitTopLevel(span.text, '，,；;');
      groups.forEach((g, gi) => {
        const gAt = span.text.indexOf(g, gFrom);
        gFrom = gAt + g.length;
        let role = span.role;
        if (/牵头(?:负责)?$/.test(g)) role = 'lead';
        else if (/(?:配合|参与|协助|协同|协办)$/.test(g)) role = 'support';
        for (const f of unitFragmentsAt(g, span.at + gAt)) push(f.text, f.at, role);
        if (gi === 0 && si === 0 && firstCommaGroup < 0) firstCommaGroup = units.length;
      });
    }
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
    preamble,
    unitOffsets: offsets,
  };
}
