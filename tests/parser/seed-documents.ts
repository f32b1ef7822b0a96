import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { Plan } from '@duban/plan-parser';

/**
 * Test documents made from a seed plan's text: a .docx whose numbered lines use Word list
 * numbering (the typed number removed, a numbering definition rendering it instead), and
 * the comparison of two parses task by task.
 */
const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
function cnNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    const unit = ch === '百' ? 100 : ch === '十' ? 10 : 0;
    if (unit) {
      total += (digit || 1) * unit;
      digit = 0;
    } else digit = CN_DIGITS[ch] ?? 0;
  }
  return total + digit;
}

/**
 * The list number a line starts with — the test's own reading, independent of the
 * parser's labels module (module boundaries keep tests on the package's public API).
 */
function lineLabel(line: string): { style: string; label: string; number: number } | null {
  let m = /^[〇零一二三四五六七八九十百两]+、/.exec(line);
  if (m) return { style: 'cn', label: m[0], number: cnNumber(m[0].slice(0, -1)) };
  m = /^[（(]([〇零一二三四五六七八九十百两]+)[）)]/.exec(line);
  if (m) return { style: 'cn-paren', label: m[0], number: cnNumber(m[1]) };
  m = /^([0-9]{1,3})[.．](?![0-9])/.exec(line);
  if (m) return { style: 'ar-dot', label: m[0], number: Number(m[1]) };
  m = /^([0-9]{1,3})、/.exec(line);
  if (m) return { style: 'ar-dun', label: m[0], number: Number(m[1]) };
  m = /^[（(]([0-9]{1,3})[）)]/.exec(line);
  if (m) return { style: 'ar-paren', label: m[0], number: Number(m[1]) };
  m = /^[①-⑳]/.exec(line);
  if (m) return { style: 'circled', label: m[0], number: m[0].charCodeAt(0) - 0x2460 + 1 };
  return null;
}

const FORMATS: Record<string, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
  cn: LevelFormat.CHINESE_COUNTING,
  'cn-paren': LevelFormat.CHINESE_COUNTING,
  'ar-dot': LevelFormat.DECIMAL,
  'ar-dun': LevelFormat.DECIMAL,
  'ar-paren': LevelFormat.DECIMAL,
  circled: LevelFormat.DECIMAL_ENCLOSED_CIRCLE,
};

export async function seedDocx(text: string): Promise<{ bytes: Uint8Array; numbered: number }> {
  const config: Array<{ reference: string; levels: Array<{ level: number; format: (typeof LevelFormat)[keyof typeof LevelFormat]; text: string; start: number; alignment: (typeof AlignmentType)[keyof typeof AlignmentType] }> }> = [];
  const last = new Map<string, { number: number; instance: number; start: number }>();
  const paragraphs: Paragraph[] = [];
  let numbered = 0;
  let instance = 0;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const trimmed = line.replace(/^[\s\u3000]+/, '');
    const lab = /^\t/.test(line) ? null : lineLabel(trimmed);
    const format = lab ? FORMATS[lab.style] : undefined;
    if (!lab || !format) {
      paragraphs.push(new Paragraph({ children: [new TextRun(line)] }));
      continue;
    }
    // The number token as printed, with the number replaced by %1 (e.g. "（%1）", "%1．").
    const lvlText = lab.label.replace(/[0-9]+|[〇零一二三四五六七八九十百两]+|[①-⑳]/, '%1');
    const reference = `${lab.style}|${lvlText}`;
    const prev = last.get(reference);
    let run = prev;
    if (!prev || lab.number !== prev.number + 1) {
      // A new run of this list: its own instance (Word restarts the count), starting at this number.
      run = { number: lab.number, instance: ++instance, start: lab.number };
      const ref = `${reference}|${lab.number}`;
      if (!config.some((c) => c.reference === ref)) config.push({ reference: ref, levels: [{ level: 0, format, text: lvlText, start: lab.number, alignment: AlignmentType.LEFT }] });
    }
    const { instance: inst, start } = run!;
    last.set(reference, { number: lab.number, instance: inst, start });
    paragraphs.push(new Paragraph({ children: [new TextRun(trimmed.slice(lab.label.length).replace(/^[\s\u3000]+/, ''))], numbering: { reference: `${reference}|${start}`, level: 0, instance: inst } }));
    numbered++;
  }
  const doc = new Document({ numbering: { config }, sections: [{ children: paragraphs }] });
  return { bytes: new Uint8Array(await Packer.toBuffer(doc)), numbered };
}

/** The fields a task is judged by (score_parse.py's), for a task-by-task comparison. */
export function taskFacts(plan: Plan): unknown[] {
  return plan.tasks.map((t) => ({
    number: t.number,
    label: t.label,
    section: t.section,
    title: t.title,
    lead: t.lead,
    unitsResolved: t.unitsResolved,
    deadlines: t.deadlines.map((d) => d.due),
    recurring: t.recurring.map((r) => r.every),
    mentioned: t.mentionedUnits ?? [],
  }));
}

interface PdfOptions {
  /** A running header printed at the top of every page. */
  header?: string;
  /** Print "— N —" page numbers at the bottom. */
  pageNumbers?: boolean;
  /** Repeat the typeset pages this many times (a long PDF made fast). */
  copies?: number;
}

/** Runs support/make-pdf.cjs (pdf-lib with the system CJK font) in a worker thread. */
async function makePdf(data: object): Promise<{ bytes: Uint8Array; pages: number }> {
  const { Worker } = await import('node:worker_threads');
  const { join } = await import('node:path');
  const worker = new Worker(join(__dirname, 'support/make-pdf.cjs'), { workerData: data });
  try {
    const r = await new Promise<{ bytes?: Uint8Array; pages?: number; error?: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (r.error || !r.bytes) throw new Error(r.error ?? 'no PDF');
    return { bytes: r.bytes, pages: r.pages ?? 0 };
  } finally {
    await worker.terminate();
  }
}

/**
 * A PDF of `text` set like a government document: A4, the system CJK font, each paragraph's
 * first line indented two characters and wrapped at the text width, a running header and
 * page numbers. Made with pdf-lib (no binaries).
 */
export function textPdf(text: string, options: PdfOptions = {}): Promise<{ bytes: Uint8Array; pages: number }> {
  return makePdf({ kind: 'text', text, ...options });
}

/** A valid one-page PDF holding only an image (a scan): no text at all. */
export async function imageOnlyPdf(): Promise<Uint8Array> {
  return (await makePdf({ kind: 'image-only' })).bytes;
}
