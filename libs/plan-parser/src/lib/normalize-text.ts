/**
 * Text clean-up shared by every later step. Keeps characters verbatim (the Plan
 * JSON copies strings from the document) and only removes conversion debris:
 * CRLF, BOM, zero-width characters, Word bookmarks, Markdown emphasis/heading marks.
 */
export interface DocLine {
  /** Line as it came (minus debris), used by the table reader (cells start with tabs). */
  raw: string;
  /** Trimmed paragraph text. */
  text: string;
  /** 0-based index. */
  index: number;
}

const BOOKMARK = /\[bookmark:[^\]\n]{0,200}\]/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const MD_HEADING = /^\s{0,3}#{1,6}\s+/;
const MD_EMPHASIS = /\*\*|__/g;

export function normalizeText(input: string): string {
  return input.replace(/\r\n?/g, '\n').replace(ZERO_WIDTH, '').replace(BOOKMARK, '');
}

export function toLines(text: string): DocLine[] {
  const parts = text.split('\n');
  const lines: DocLine[] = new Array(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const raw = parts[i].replace(MD_EMPHASIS, '');
    // Trim ASCII and ideographic spaces at both ends; inner spacing is kept verbatim.
    const text = raw.replace(MD_HEADING, '').replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
    lines[i] = { raw, text, index: i };
  }
  return lines;
}

/** Drop whitespace for comparisons ("whitespace ignored"). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}
