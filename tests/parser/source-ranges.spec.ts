import { parsePlanText } from '@duban/plan-parser';
import { scoredDocuments } from './corpus-documents';

/**
 * Every extracted value carries the character range it came from, in the text handed to
 * the parser: the console highlights it and the draft shows each assignment's clause.
 */
describe('source ranges', () => {
  it.each(scoredDocuments().map((d) => [d.name, d] as const))('%s: tasks, clauses, units, deadlines and table cells point at their text', (_n, doc) => {
    const text = doc.text;
    const slice = (r: { start: number; end: number } | undefined) => (r ? text.slice(r.start, r.end) : undefined);
    const plan = parsePlanText(text, { document: doc.name });
    for (const t of plan.tasks) {
      expect(slice(t.sourceRange)!.startsWith(t.label)).toBe(true);
      expect(slice(t.sourceRange)!.replace(/\s+/g, '')).toContain(t.title.replace(/\s+/g, ''));
      for (const c of t.clauses ?? []) expect(slice(c.sourceRange)).toContain(c.raw);
      t.unitRefs.forEach((u, k) => expect(slice(u.sourceRange)).toBe(t.units[k]));
      for (const d of t.deadlines) expect(slice(d.sourceRange)).toBe(d.text);
      for (const r of t.recurring) expect(slice(r.sourceRange)).toBe(r.text);
      expect(t.confidence).toBeGreaterThan(0);
      expect(t.reason).toBeTruthy();
    }
    for (const c of plan.breakdowns) expect(Number(slice(c.sourceRange))).toBe(c.value);
  });

  it('maps through CRLF line ends and zero-width debris back to the caller’s text', () => {
    const text = '某县行动方案\r\n二、重点任务\r\n1.推进\u200b改革。2025年底前完成。（责任单位：县发展改革局、县财政局）\r\n';
    const plan = parsePlanText(text, { document: 'crlf.txt' });
    const t = plan.tasks[0];
    expect(text.slice(t.deadlines[0].sourceRange!.start, t.deadlines[0].sourceRange!.end)).toBe('2025年底前完成');
    expect(text.slice(t.unitRefs[1].sourceRange!.start, t.unitRefs[1].sourceRange!.end)).toBe('县财政局');
  });

  it('gives the page of each range when page starts are known (PDF)', () => {
    const text = '某县行动方案\n二、重点任务\n1.推进改革。（责任单位：县财政局）\n2.完善机制。（责任单位：县民政局）\n';
    const second = text.indexOf('2.');
    const plan = parsePlanText(text, { document: 'p.pdf', pageStarts: [0, second] });
    expect(plan.tasks.map((t) => t.sourceRange!.page)).toEqual([1, 2]);
    expect(plan.tasks[1].unitRefs[0].sourceRange!.page).toBe(2);
  });
});
