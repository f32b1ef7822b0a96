import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePlanDocument, parsePlanBytes, parsePlanText, PlanParseError } from '@duban/plan-parser';
import { imageOnlyPdf, taskFacts, textPdf } from './seed-documents';

/**
 * PDF input: PDFs of seed plans made here with the system CJK font (wrapped lines, a
 * running header, page numbers) parse to the same tasks as their text; pdfjs-dist, an ES
 * module, loads under Jest's CommonJS transform; a scanned PDF is refused with a request
 * for OCR.
 */
const seed = (name: string) => readFileSync(join(__dirname, '../../seeds/plans', name), 'utf8');

describe('PDF input', () => {
  it.each(['003_be66b3b8c9bc66bb.txt', '001_c0ed3052eda0fa1b.txt', '002_cc373f70ccc640b3.txt'])(
    'a PDF of seed %s parses to the same tasks as its text',
    async (name) => {
      const text = seed(name);
      const { bytes, pages } = await textPdf(text, { header: '政府信息公开专栏', pageNumbers: true });
      expect(pages).toBeGreaterThan(3);
      const fromPdf = await parsePlanBytes(bytes, name.replace(/\.txt$/, '.pdf'));
      expect(taskFacts(fromPdf)).toEqual(taskFacts(parsePlanText(text, { document: name })));
    },
    60000,
  );

  it('drops running headers and page numbers, joins wrapped lines and gives each range its page', async () => {
    const text = seed('003_be66b3b8c9bc66bb.txt');
    const { bytes } = await textPdf(text, { header: '政府信息公开专栏', pageNumbers: true });
    const doc = await decodePlanDocument(bytes, 'seed.pdf');
    expect(doc.text).not.toContain('政府信息公开专栏');
    expect(doc.text).not.toMatch(/—\s*\d+\s*—/);
    // A long paragraph of the text is one line of the PDF's text again.
    const paragraph = text.split('\n').find((l) => l.startsWith('1.推进医共体建设'))!.trim();
    expect(doc.text.split('\n')).toContain(paragraph);
    expect(doc.pageStarts!.length).toBeGreaterThan(3);
    const plan = await parsePlanBytes(bytes, 'seed.pdf');
    const last = plan.tasks[plan.tasks.length - 1];
    expect(last.sourceRange!.page).toBeGreaterThan(1);
    expect(doc.text.slice(last.sourceRange!.start, last.sourceRange!.end)).toContain(last.title);
    for (const u of last.unitRefs) expect(doc.text.slice(u.sourceRange!.start, u.sourceRange!.end)).toBe(last.units[last.unitsResolved.indexOf(u.name)] ?? u.name);
  }, 60000);

  it('refuses an image-only PDF with a Chinese message asking for OCR', async () => {
    const bytes = await imageOnlyPdf();
    await expect(parsePlanBytes(bytes, 'scan.pdf')).rejects.toMatchObject({ code: 'needs-ocr' });
    await expect(parsePlanBytes(bytes, 'scan.pdf')).rejects.toThrow(/需先进行 OCR 文字识别/);
  }, 30000);

  it('refuses a damaged PDF as unreadable, not with a crash', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const err = await parsePlanBytes(bytes, 'broken.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlanParseError);
    expect((err as PlanParseError).code).toMatch(/unreadable|needs-ocr/);
  }, 30000);
});
