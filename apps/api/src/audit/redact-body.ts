import type { JsonObject, JsonValue } from '@duban/persistence';

/** Field names whose values never reach the audit log (matched anywhere in the name, any case). */
const SECRET_FIELD = /pass(word|wd|phrase)?|secret|token|authorization|cookie|credential|api[-_]?key|otp/i;
/** Values that look like a JWT are dropped whatever the field is called. */
const JWT_LIKE = /^eyJ[\w-]+\.[\w-]+\.[\w-]*$/;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 4;
const MAX_STRING = 200;
const MAX_ITEMS = 20;
const MAX_KEYS = 50;
/** Bytes of JSON kept per request; larger summaries keep only the top-level field names. */
const MAX_SUMMARY_BYTES = 8 * 1024;

/**
 * A small, redacted copy of a request body for the audit log: secrets replaced,
 * long strings and arrays truncated, deep nesting cut. Null for an empty body.
 */
export function summarizeBody(body: unknown): JsonObject | null {
  if (body === undefined || body === null) return null;
  if (typeof body !== 'object' || Buffer.isBuffer(body)) return { _body: describeScalar(body) };
  if (Array.isArray(body)) return { _items: summarize(body, 0) };
  if (Object.keys(body).length === 0) return null;
  const summary = summarize(body, 0) as JsonObject;
  if (Buffer.byteLength(JSON.stringify(summary)) <= MAX_SUMMARY_BYTES) return summary;
  return { _truncated: true, _fields: Object.keys(body).slice(0, MAX_KEYS) };
}

function summarize(value: unknown, depth: number): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return JWT_LIKE.test(value) ? REDACTED : truncate(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value !== 'object' || Buffer.isBuffer(value)) return describeScalar(value);
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((item) => summarize(item, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `[+${value.length - MAX_ITEMS} more]`] : items;
  }
  const out: JsonObject = {};
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries.slice(0, MAX_KEYS)) {
    out[printable(key)] = SECRET_FIELD.test(key) ? REDACTED : summarize(item, depth + 1);
  }
  if (entries.length > MAX_KEYS) out._moreFields = entries.length - MAX_KEYS;
  return out;
}

function truncate(text: string): string {
  return printable(text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[${text.length} chars]` : text);
}

/**
 * Control characters written as \uXXXX: a refused request is audited too, and
 * PostgreSQL cannot store a NUL in text or jsonb.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[\uD800-\uDFFF]/g, (character, offset: number, whole: string) => {
    const code = character.charCodeAt(0);
    // Keep well-formed surrogate pairs; escape lone halves.
    if (code >= 0xd800 && code <= 0xdbff && /[\uDC00-\uDFFF]/.test(whole[offset + 1] ?? '')) return character;
    if (code >= 0xdc00 && code <= 0xdfff && /[\uD800-\uDBFF]/.test(whole[offset - 1] ?? '')) return character;
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

function describeScalar(value: unknown): string {
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (typeof value === 'string') return truncate(value);
  return `[${typeof value}]`;
}
