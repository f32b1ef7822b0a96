import { normalizeText, textProblem } from '@duban/domain';

/** Keys that would reach an object's prototype when merged or assigned: never accepted. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Deeper JSON than any Duban body needs. */
const MAX_DEPTH = 8;
/** Array entries and object keys in one place: DTOs set tighter limits, this bounds the walk. */
const MAX_ENTRIES = 1000;

export interface InputProblem {
  readonly field: string;
  /** Chinese, shown to the user. */
  readonly message: string;
}

/**
 * The API's one sanitising pass over everything a request carries (body, query,
 * path parameters), before DTO validation: every string gets its line breaks and
 * Unicode normalised (NFC) and is refused when it holds control characters (a NUL…),
 * malformed Unicode, or more than MAX_TEXT_LENGTH characters; explicit nulls are
 * refused (fields are left out instead); prototype keys (__proto__, constructor,
 * prototype) and absurd nesting are refused. Returns the cleaned copy and every problem.
 */
export function sanitizeInput(input: unknown, root = ''): { value: unknown; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const walk = (value: unknown, path: string, depth: number): unknown => {
    if (typeof value === 'string') {
      const text = normalizeText(value);
      const problem = textProblem(text);
      if (problem) problems.push({ field: path || '(body)', message: say(path, problem.message) });
      return text;
    }
    if (value === null) {
      problems.push({ field: path || '(body)', message: say(path, '不能为 null：不修改的字段请省略') });
      return value;
    }
    if (typeof value !== 'object') return value;
    if (depth >= MAX_DEPTH) {
      problems.push({ field: path || '(body)', message: say(path, `嵌套过深（最多 ${MAX_DEPTH} 层）`) });
      return value;
    }
    if (Array.isArray(value)) {
      if (value.length > MAX_ENTRIES) problems.push({ field: path || '(body)', message: say(path, `条目过多（最多 ${MAX_ENTRIES} 条）`) });
      return value.slice(0, MAX_ENTRIES).map((item, index) => walk(item, join(path, String(index)), depth + 1));
    }
    if (Buffer.isBuffer(value) || !isPlainObject(value)) return value;
    const entries = Object.entries(value);
    if (entries.length > MAX_ENTRIES) problems.push({ field: path || '(body)', message: say(path, `字段过多（最多 ${MAX_ENTRIES} 个）`) });
    const out: Record<string, unknown> = {};
    for (const [key, child] of entries.slice(0, MAX_ENTRIES)) {
      const field = join(path, key);
      if (PROTOTYPE_KEYS.has(key)) {
        problems.push({ field, message: `不允许的字段名“${key}”` });
        continue;
      }
      const keyProblem = textProblem(normalizeText(key));
      if (keyProblem) {
        problems.push({ field: join(path, JSON.stringify(key).slice(1, -1)), message: `字段名${keyProblem.message}` });
        continue;
      }
      // defineProperty: a plain assignment of an odd key must never touch the prototype.
      Object.defineProperty(out, normalizeText(key), { value: walk(child, field, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const value = walk(input, root, 0);
  return { value, problems };
}

function say(path: string, message: string): string {
  return path ? `字段 ${path} ${message}` : `请求内容${message}`;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
