import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText } from '@duban/plan-parser';
import { meanScore, scorePlan } from './score-plan';

/** The five seed plans against tests/fixtures/gold, scored like score_parse.py. */
const root = join(__dirname, '../..');
const goldDir = join(root, 'tests/fixtures/gold');
const docs = readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();

describe('plan parser on the seed plans', () => {
  const means: number[] = [];

  it.each(docs)('%s scores at least 0.93', (g) => {
    const gold = JSON.parse(readFileSync(join(goldDir, g), 'utf8'));
    const name = g.replace(/\.json$/, '');
    const plan = parsePlanText(readFileSync(join(root, 'seeds/plans', name), 'utf8'), { document: name });
    const scores = scorePlan(gold, JSON.parse(JSON.stringify(plan)));
    const mean = meanScore(scores);
    means.push(mean);
    if (mean < 0.93) console.log(name, scores);
    expect(mean).toBeGreaterThanOrEqual(0.93);
  });

  it('scores at least 0.97 overall', () => {
    expect(means).toHaveLength(docs.length);
    expect(means.reduce((a, b) => a + b, 0) / means.length).toBeGreaterThanOrEqual(0.97);
  });
});
