/**
 * Prints every scored document's metrics (a development aid):
 *   node tools/bootstrap/run.mjs tests/parser/print-scores.ts [name-filter]
 */
import { parsePlanText } from '@duban/plan-parser';
import { scoredDocuments } from './corpus-documents';
import { meanScore, scorePlan } from './score-plan';

const filter = process.argv[2] ?? '';
const means: number[] = [];
for (const doc of scoredDocuments()) {
  if (!doc.name.includes(filter)) continue;
  const plan = parsePlanText(doc.text, { document: doc.name });
  const s = scorePlan(doc.expected, JSON.parse(JSON.stringify(plan)));
  const m = meanScore(s);
  means.push(m);
  console.log(`${doc.name.padEnd(40)} ${Object.entries(s).map(([k, v]) => `${k}=${v.toFixed(2)}`).join(' ')} mean=${m.toFixed(3)}`);
}
console.log(`overall=${(means.reduce((a, b) => a + b, 0) / Math.max(1, means.length)).toFixed(3)}`);
