import { UnitDirectory } from './types';

/**
 * Pick the city directory a document belongs to: the city whose name (or a
 * district's) occurs most often in the first part of the text. Pure.
 */
export function directoryForText(text: string, directories: UnitDirectory[]): UnitDirectory | undefined {
  const head = text.length > 20000 ? text.slice(0, 20000) : text;
  let best: UnitDirectory | undefined;
  let bestScore = 0;
  for (const d of directories) {
    if (!d.city) continue;
    const stem = d.city.replace(/市$/, '');
    let score = count(head, d.city) * 3 + (stem.length >= 2 ? count(head, stem) : 0);
    for (const x of d.districts) if (x.length >= 2) score += count(head, x) > 0 ? 1 : 0;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return bestScore >= 2 ? best : undefined;
}

function count(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i >= 0 && n < 1000; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}
