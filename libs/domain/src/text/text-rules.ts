/**
 * What text Duban accepts from people, anywhere (API boundary, workflow validators):
 * no control characters but tab and line feed (a NUL cannot even be stored), well-formed
 * Unicode, at most MAX_TEXT_LENGTH characters. Text is stored as given otherwise — the
 * web console escapes it when it renders (never innerHTML).
 */

/** The longest single text field anyone may send (a report's text, a reason, a title). */
export const MAX_TEXT_LENGTH = 10_000;

/** C0 controls except \t (09) and \n (0A), DEL, and C1 controls. \r is normalised away before the check. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

export type TextProblemCode = 'control_character' | 'malformed' | 'too_long';

export interface TextProblem {
  readonly code: TextProblemCode;
  /** Chinese, shown to the user. */
  readonly message: string;
}

/** Line breaks as \n and Unicode in NFC (one spelling of 'é', full-width forms untouched). */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/** Why `text` (already normalised) is refused, or null. */
export function textProblem(text: string): TextProblem | null {
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return { code: 'control_character', message: `含有不允许的控制字符 U+${code}（第 ${control.index + 1} 个字符）` };
  }
  if (!isWellFormed(text)) return { code: 'malformed', message: '含有无效的 Unicode 字符（不成对的代理项）' };
  if (text.length > MAX_TEXT_LENGTH) return { code: 'too_long', message: `过长：最多 ${MAX_TEXT_LENGTH} 个字符，收到 ${text.length} 个` };
  return null;
}

/** The first string inside `value` (any depth) that textProblem refuses, with its path, or null. */
export function firstTextProblem(value: unknown, path = ''): (TextProblem & { readonly path: string }) | null {
  if (typeof value === 'string') {
    const problem = textProblem(normalizeText(value));
    return problem ? { ...problem, path } : null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const found = firstTextProblem(value[index], path ? `${path}.${index}` : String(index));
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = firstTextProblem(child, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** A web link people may open: http or https, a host, no spaces (never javascript:, data:, file:…). */
export function isWebLink(link: string): boolean {
  return /^https?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/i.test(link);
}

function isWellFormed(text: string): boolean {
  // A lone surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
