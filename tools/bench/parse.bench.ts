/**
 * Parser benchmark, every figure beside a baseline measured in the same run:
 *  - the ~30 KB seed plan (and every seed / corpus plan): parse time against one linear
 *    pass over the same text (normalize + split into lines), the floor any parser pays;
 *  - 100-page PDFs: decode + parse against pdfjs-dist's own text extraction of the same
 *    file (the baseline: no layout, no parse);
 *  - linearity on 1/2/5/10 MB synthetic plans (time per MB should stay flat), and garbage.
 *   npm run bench:parse            (BENCH_RUNS=50 … to change N)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanBytes, parsePlanText, PlanParseError } from '@duban/plan-parser';
import { readPdfPages } from '../../libs/plan-parser/src/decode/pdf-text';
import { normalizeWithMap, toLines } from '../../libs/plan-parser/src/lib/normalize-text';
import { textPdf } from '../../tests/parser/seed-documents';

const root = join(__dirname, '../..');
const runs = Number(process.env.BENCH_RUNS ?? 30);

/**
 * Wall-clock ms and process CPU ms (user + system, all threads — so the PDF worker counts).
 * On a shared, loaded machine wall time overstates the parser's own cost; CPU time is the
 * fairer figure there, and both are printed.
 */
interface Timing {
  wall: number;
  cpu: number;
}
function time(fn: () => void): Timing {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e3 };
}
async function timeAsync(fn: () => Promise<unknown>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e3 };
}
const perRun = (fn: () => void): Timing => {
  for (let i = 0; i < 3; i++) fn();
  const t = time(() => {
    for (let i = 0; i < runs; i++) fn();
  });
  return { wall: t.wall / runs, cpu: t.cpu / runs };
};
const fmt = (t: Timing, digits = 2): string => `${t.wall.toFixed(digits)} ms (cpu ${t.cpu.toFixed(digits)})`;

async function main(): Promise<void> {
  const docs: Array<[string, string]> = [];
  for (const name of readdirSync(join(root, 'seeds/plans')).sort()) docs.push([name, readFileSync(join(root, 'seeds/plans', name), 'utf8')]);
  for (const d of readdirSync(join(root, 'tests/fixtures/plans')).sort()) docs.push([d, readFileSync(join(root, 'tests/fixtures/plans', d, 'document.txt'), 'utf8')]);

  console.log(`plans, ${runs} runs each: parse wall (cpu) | baseline (one pass: normalize + lines) | ratio (wall)`);
  for (const [, text] of docs) toLines(normalizeWithMap(text).text); // warm the baseline's code too
  for (const [name, text] of docs) {
    const parse = perRun(() => parsePlanText(text, { document: name }));
    const base = perRun(() => toLines(normalizeWithMap(text).text));
    const kb = Buffer.byteLength(text) / 1024;
    const mark = kb >= 28 && kb <= 40 ? '   ← the ~30 KB plan (target < 20 ms)' : '';
    console.log(`  ${name.padEnd(40)} ${kb.toFixed(1).padStart(5)} KB  ${fmt(parse).padStart(22)} | ${fmt(base).padStart(20)} | ${(parse.wall / base.wall).toFixed(1).padStart(5)}×${mark}`);
  }

  console.log('\n100-page PDFs:');
  // Two 100-page PDFs: one typeset end to end (one embedded font, as a real long document
  // has), and one whose pages are copies of a short typeset file (each copy carries its own
  // font subset, the worst case for pdfjs, which parses every font it meets).
  const seed = readFileSync(join(root, 'seeds/plans/003_be66b3b8c9bc66bb.txt'), 'utf8');
  const long = await textPdf(Array.from({ length: 17 }, () => seed).join('\n'), { header: '政府信息公开', pageNumbers: true });
  const one = await textPdf(seed, { header: '政府信息公开', pageNumbers: true });
  const copied = await textPdf(seed, { header: '政府信息公开', pageNumbers: true, copies: Math.ceil(100 / one.pages) });
  await parsePlanBytes(one.bytes, 'warm.pdf'); // warm-up: worker start-up and pdfjs loading
  for (const [label, pdf] of [
    ['seed 003 ×17, typeset as one document', long],
    [`seed 003 typeset, pages copied ×${Math.ceil(100 / one.pages)}`, copied],
  ] as const) {
    const full = await timeAsync(() => parsePlanBytes(pdf.bytes, 'bench.pdf'));
    const base = await timeAsync(() => readPdfPages(pdf.bytes, 'bench.pdf'));
    console.log(`  ${label}: ${pdf.pages} pages, ${(pdf.bytes.length / 1024 / 1024).toFixed(2)} MB`);
    console.log(`    decode + parse ${fmt(full, 0)} (target < 2000) | baseline pdfjs text extraction ${fmt(base, 0)} | ratio ${(full.wall / base.wall).toFixed(2)}`);
  }

  console.log('\nlinearity (synthetic plans):');
  let perMb1 = 0;
  for (const mb of [1, 2, 5, 10]) {
    const text = syntheticPlan(mb * 1024 * 1024);
    let tasks = 0;
    const t = time(() => {
      tasks = parsePlanText(text, { document: `synthetic-${mb}MB.txt` }).tasks.length;
    });
    const perMb = t.cpu / mb;
    if (mb === 1) perMb1 = perMb;
    console.log(`  ${String(mb).padStart(2)} MB  ${fmt(t, 0).padStart(22)}  ${perMb.toFixed(0)} cpu ms/MB  ratio ${(perMb / perMb1).toFixed(2)}  (${tasks} tasks)`);
  }

  console.log('\ngarbage (10 MB of one repeated line, no tasks):');
  const garbage = '这是一行没有编号的普通文字，没有任何任务。\n'.repeat(Math.ceil((10 * 1024 * 1024) / 66));
  const g = time(() => {
    try {
      parsePlanText(garbage, { document: 'garbage.txt' });
    } catch (e) {
      if (!(e instanceof PlanParseError)) throw e;
    }
  });
  console.log(`  ${fmt(g, 0)}`);
}

/** A synthetic plan of about `bytes` bytes: sections, tasks, clauses, dates, a table. */
function syntheticPlan(bytes: number): string {
  const head = '某市某某工作三年行动方案（2024—2026年）\n\n一、总体要求\n到2026年，全面完成目标。\n\n二、重点任务\n';
  const parts: string[] = [head];
  let size = Buffer.byteLength(head);
  let n = 0;
  while (size < bytes) {
    n++;
    // 100 tasks per section, numbering restarting per section (as many plans do).
    const k = ((n - 1) % 100) + 1;
    const chunk =
      (k === 1 ? `（${Math.ceil(n / 100)}）第${Math.ceil(n / 100)}部分任务\n` : '') +
      `${k}. 推进第${n}项重点工作。各地要加快推进，到2025年底完成${n}%，每年开展一次评估；2026年上半年全面完成，年底前验收。（责任单位：市卫健委、发展改革委、财政局，各区人民政府）\n`;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
  }
  parts.push('三、保障措施\n建立“半年通报、年度考评”机制，对工作不力的予以通报、约谈。\n');
  return parts.join('');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
