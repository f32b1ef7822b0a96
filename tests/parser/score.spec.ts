import { parsePlanText } from '@duban/plan-parser';
import { scoredDocuments } from './corpus-documents';
import { meanScore, scorePlan } from './score-plan';

/**
 * The seed plans and the corpus of other cities' plans, scored like score_parse.py against
 * expectations written by reading each document: seeds stay at 1.000, every document
 * scores at least 0.90 and all of them together at least 0.97.
 */
const docs = scoredDocuments();

describe('plan parser on the seeds and the corpus', () => {
  const means = new Map<string, number>();

  it.each(docs.map((d) => [d.name, d] as const))('%s', (_name, doc) => {
    const plan = parsePlanText(doc.text, { document: doc.name });
    const scores = scorePlan(doc.expected, JSON.parse(JSON.stringify(plan)));
    const mean = meanScore(scores);
    means.set(doc.name, mean);
    const floor = doc.kind === 'seed' ? 1 : 0.9;
    if (mean < floor) console.log(doc.name, mean.toFixed(3), scores);
    expect(mean).toBeGreaterThanOrEqual(floor - 1e-9);
  });

  it('scores at least 0.97 over all documents', () => {
    expect(means.size).toBe(docs.length);
    const overall = [...means.values()].reduce((a, b) => a + b, 0) / means.size;
    console.log(`overall=${overall.toFixed(3)} over ${means.size} documents`);
    expect(overall).toBeGreaterThanOrEqual(0.97);
  });
});
