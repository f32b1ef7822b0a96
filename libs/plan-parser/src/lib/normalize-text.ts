import { lastAtOrBefore } from './sorted-search';

/**
 * Text clean-up shared by every later step. Keeps characters verbatim (the Plan
 * JSON copies strings from the document) and only removes conversion debris:
 * CR of CRLF, BOM, zero-width characters, Word bookmarks, HTML space entities left by web
 * pages (&nbsp; &sp;), Markdown emphasis/heading marks.
 * Every removal is recorded so that offsets in the normalized text map back to the
 * text the caller passed in (source ranges point into the caller's text).
 */
export interface DocLine {
  /** Line as it came (minus debris), used by the table reader (cells start with tabs). */
  raw: string;
  /** Trimmed paragraph text. */
  text: string;
  /** 0-based index. */
  index: number;
  /** Offset of `raw` in the normalized text. */
  start: number;
  /** Offset of `text` in the normalized text. */
  textStart: number;
}

export interface NormalizedText {
  text: string;
  /** Offset in the normalized text → offset in the original text. */
  toOriginal(pos: number): number;
}

const DEBRIS = /\r(?=\n)|[\u200b-\u200d\u2060\ufeff]|\[bookmark:[^\]\n]{0,200}\]|&(?:nbsp|ensp|emsp|thinsp|sp);/g;
const MD_HEADING = /^\s{0,3}#{1,6}\s+/;
const MD_EMPHASIS = /\*\*|__/g;

export function normalizeText(input: string): string {
  return normalizeWithMap(input).text;
}

export function normalizeWithMap(input: string): NormalizedText {
  // Removed spans as (normalized position where the removal happened, cumulative removed length).
  // A (0, 0) sentinel first: nothing removed before the first removal.
  const at: number[] = [0];
  const shift: number[] = [0];
  let removed = 0;
  const parts: string[] = [];
  let last = 0;
  DEBRIS.lastIndex = 0;
  for (let m = DEBRIS.exec(input); m; m = DEBRIS.exec(input)) {
    parts.push(input.slice(last, m.index));
    removed += m[0].length;
    at.push(m.index + m[0].length - removed);
    shift.push(removed);
    last = m.index + m[0].length;
  }
  parts.push(input.slice(last));
  // A lone CR (old Mac line ends) becomes a LF of the same length: offsets are unchanged.
  const text = parts.join('').replace(/\r/g, '\n');
  const toOriginal = (pos: number): number => pos + shift[lastAtOrBefore(at, pos)];
  return { text, toOriginal };
}

export function toLines(text: string): DocLine[] {
  const parts = text.split('\n');
  const lines: DocLine[] = new Array(parts.length);
  let offset = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const raw = part.includes('*') || part.includes('__') ? part.replace(MD_EMPHASIS, '') : part;
    // Trim ASCII and ideographic spaces at both ends; inner spacing is kept verbatim.
    const heading = MD_HEADING.exec(raw);
    const afterHeading = heading ? raw.slice(heading[0].length) : raw;
    const lead = /^[\s\u3000]*/.exec(afterHeading)![0].length;
    const text = afterHeading.slice(lead).replace(/[\s\u3000]+$/, '');
    // Offsets are exact when no Markdown emphasis was stripped (the usual case for plans).
    const textStart = offset + (heading ? heading[0].length : 0) + lead;
    lines[i] = { raw, text, index: i, start: offset, textStart };
    offset += part.length + 1;
  }
  return lines;
}

/** Drop whitespace for comparisons ("whitespace ignored"). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}
