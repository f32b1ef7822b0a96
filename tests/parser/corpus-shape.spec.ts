import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What issue 13 asks of the corpus: real published plans outnumber constructed ones, at least
 * twelve of them, at least two real ones carry a region × year target table, and every
 * fixture says where its text comes from (a public address or repository@commit:path).
 */
const plansDir = join(__dirname, '../fixtures/plans');

interface Fixture {
  name: string;
  constructed: boolean;
  source: string;
  breakdowns: number;
}

function fixtures(): Fixture[] {
  return readdirSync(plansDir)
    .sort()
    .map((name) => {
      const source = readFileSync(join(plansDir, name, 'SOURCE.md'), 'utf8');
      const kind = /^- Kind:(.*)$/m.exec(source)?.[1] ?? '';
      const expected = JSON.parse(readFileSync(join(plansDir, name, 'expected.json'), 'utf8')) as { breakdowns?: unknown[] };
      return { name, constructed: /constructed/.test(kind), source, breakdowns: expected.breakdowns?.length ?? 0 };
    });
}

describe('the corpus of published plans', () => {
  const all = fixtures();
  const real = all.filter((f) => !f.constructed);

  it('holds at least twelve real plans, more than the constructed ones', () => {
    expect(real.length).toBeGreaterThanOrEqual(12);
    expect(real.length).toBeGreaterThan(all.length - real.length);
  });

  it('has at least two real plans with a region × year target table', () => {
    expect(real.filter((f) => f.breakdowns > 0).length).toBeGreaterThanOrEqual(2);
  });

  it.each(real.map((f) => [f.name, f] as const))('%s names its public source', (_name, f) => {
    expect(f.source).toMatch(/https?:\/\/\S+|[\w.-]+\/[\w.-]+@[0-9a-f]{40}:\S+|`[\w.-]+\/[\w.-]+` at commit [0-9a-f]{40}/);
  });
});
