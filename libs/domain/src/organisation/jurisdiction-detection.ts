import { placeStem } from './unit-name';
import type { DirectoryJurisdiction } from './organisation-directory';

export interface DetectedJurisdiction {
  readonly jurisdictionId: string;
  readonly name: string;
  /** Why (Chinese, shown in the draft beside the confirm button). */
  readonly reason: string;
}

export interface PlanHeading {
  readonly title: string;
  readonly issuer?: string | null;
  /** The plan's body (task titles and text); names counted here weigh least. */
  readonly text?: string;
}

function occurrences(haystack: string, needle: string): number {
  if (needle.length < 2) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

/**
 * The city (or county) a plan belongs to: its name in the title weighs most, then the issuer, then the body,
 * where a district's name counts for its city. Provinces only when no city is named at all. Null when
 * nothing is named: a coordinator confirms the jurisdiction in the draft.
 */
export function detectJurisdiction(heading: PlanHeading, jurisdictions: readonly DirectoryJurisdiction[]): DetectedJurisdiction | null {
  const scores = new Map<string, { score: number; reasons: string[] }>();
  const add = (id: string, score: number, reason: string): void => {
    const entry = scores.get(id) ?? { score: 0, reasons: [] };
    entry.score += score;
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    scores.set(id, entry);
  };
  const byId = new Map(jurisdictions.map((jurisdiction) => [jurisdiction.id, jurisdiction]));
  for (const jurisdiction of jurisdictions) {
    const stem = placeStem(jurisdiction.name);
    const names = stem !== jurisdiction.name && stem.length >= 2 ? [jurisdiction.name, stem] : [jurisdiction.name];
    const target = jurisdiction.level === 'district' || jurisdiction.level === 'county' ? (jurisdiction.parentId ?? jurisdiction.id) : jurisdiction.id;
    const parent = byId.get(target);
    if (!parent || parent.level === 'province') continue;
    const inTitle = names.some((name) => heading.title.includes(name));
    const inIssuer = names.some((name) => (heading.issuer ?? '').includes(name));
    const inText = Math.max(...names.map((name) => occurrences(heading.text ?? '', name)));
    if (target === jurisdiction.id) {
      if (inTitle) add(target, 100, `标题含“${jurisdiction.name}”`);
      if (inIssuer) add(target, 50, `发文机关含“${jurisdiction.name}”`);
      if (inText > 0) add(target, inText, `正文提及“${stem}”${inText}次`);
    } else if (inTitle || inIssuer || inText > 0) {
      add(target, (inTitle ? 20 : 0) + (inIssuer ? 10 : 0) + inText, `提及下辖的${jurisdiction.name}`);
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score);
  const best = ranked[0];
  if (!best) return null;
  const second = ranked[1];
  // A body text naming two cities about equally is not evidence for either.
  if (best[1].score < 100 && second && second[1].score * 2 > best[1].score) return null;
  const jurisdiction = byId.get(best[0])!;
  return { jurisdictionId: jurisdiction.id, name: jurisdiction.name, reason: best[1].reasons.join('；') };
}
