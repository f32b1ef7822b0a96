/**
 * Deterministic assignment keys and Temporal workflow ids. The same plan always yields the same ids, so
 * publishing twice starts nothing twice.
 */

export interface AssignmentKeyParts {
  readonly planId: string;
  /** The task number, or a breakdown table name for region target assignments. */
  readonly taskRef: number | string;
  readonly unitName: string;
  readonly region: string | null;
}

/** '/' separates key parts, so it is replaced inside a part (full-width ／); whitespace is collapsed. */
function keyPart(value: string): string {
  return value.trim().replace(/\s+/g, ' ').replace(/\//g, '／');
}

/** `${planId}/${taskRef}/${unitName}/${region ?? '-'}` */
export function assignmentKey(parts: AssignmentKeyParts): string {
  return [parts.planId, String(parts.taskRef), parts.unitName, parts.region ?? '-'].map(keyPart).join('/');
}

export const ASSIGNMENT_WORKFLOW_ID_PREFIX = 'assignment:';

/** Temporal allows long ids, but keep them well below limits (bytes) for indexes and UIs. */
const MAX_WORKFLOW_ID_BYTES = 400;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** 32-bit FNV-1a over UTF-16 code units; pure and sandbox-safe (no crypto). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * `assignment:` + key, readable (may contain Chinese). Control characters are dropped; an over-long key
 * is cut and suffixed with a hash of the full key so ids stay unique and deterministic.
 */
export function assignmentWorkflowId(key: string): string {
  const clean = key.replace(/[\u0000-\u001f\u007f]/g, '');
  const full = ASSIGNMENT_WORKFLOW_ID_PREFIX + clean;
  if (utf8Length(full) <= MAX_WORKFLOW_ID_BYTES) return full;
  const suffix = `~${fnv1a(clean)}`;
  let cut = '';
  for (const char of full) {
    if (utf8Length(cut + char) > MAX_WORKFLOW_ID_BYTES - suffix.length) break;
    cut += char;
  }
  return cut + suffix;
}
