import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePlanBytes, parsePlanBytes, parsePlanText } from '@duban/plan-parser';
import { scoredDocuments } from './corpus-documents';
import { seedDocx, taskFacts } from './seed-documents';

/**
 * A .docx of each seed (and corpus plan) whose numbered lines use Word list numbering —
 * the numbers exist only in numbering.xml — parses to the same tasks as its text.
 */
const docs = scoredDocuments();

describe('.docx with Word list numbering', () => {
  it.each(docs.map((d) => [d.name, d] as const))('%s parses to the same tasks as its text', async (name, doc) => {
    const { bytes, numbered } = await seedDocx(doc.text);
    expect(numbered).toBeGreaterThan(3);
    const fromText = parsePlanText(doc.text, { document: name });
    const fromDocx = await parsePlanBytes(bytes, `${name}.docx`);
    expect(taskFacts(fromDocx)).toEqual(taskFacts(fromText));
  });

  it('the numbers are not in the document body, only in the numbering definitions', async () => {
    const text = readFileSync(join(__dirname, '../../seeds/plans/003_be66b3b8c9bc66bb.txt'), 'utf8');
    const { bytes } = await seedDocx(text);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).not.toContain('1.推进医共体建设');
    expect(xml).toContain('推进医共体建设');
    expect(await decodePlanBytes(bytes, 'seed.docx')).toContain('1.推进医共体建设');
  });
});
