import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The scored documents: the five seed plans (tests/fixtures/gold) and the corpus of other
 * plans (tests/fixtures/plans/<name>/{document.txt, expected.json, SOURCE.md}).
 */
export interface ScoredDocument {
  name: string;
  kind: 'seed' | 'corpus';
  text: string;
  expected: Record<string, unknown>;
}

const root = join(__dirname, '../..');

export function scoredDocuments(): ScoredDocument[] {
  const out: ScoredDocument[] = [];
  const goldDir = join(root, 'tests/fixtures/gold');
  for (const g of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const name = g.replace(/\.json$/, '');
    out.push({ name, kind: 'seed', text: readFileSync(join(root, 'seeds/plans', name), 'utf8'), expected: JSON.parse(readFileSync(join(goldDir, g), 'utf8')) });
  }
  const plansDir = join(root, 'tests/fixtures/plans');
  for (const d of readdirSync(plansDir).sort()) {
    const dir = join(plansDir, d);
    out.push({ name: d, kind: 'corpus', text: readFileSync(join(dir, 'document.txt'), 'utf8'), expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) });
  }
  return out;
}
