const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Cuts text to at most maxBytes of UTF-8, ending with the ellipsis when cut.
 * Cuts only between user-perceived characters (graphemes), so no Chinese
 * character, surrogate pair or emoji sequence is split.
 */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  if (utf8Length(text) <= maxBytes) return text;
  const budget = maxBytes - utf8Length(ellipsis);
  if (budget < 0) return '';
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    const size = utf8Length(segment);
    if (used + size > budget) break;
    kept += segment;
    used += size;
  }
  return kept + ellipsis;
}
