/**
 * Parser benchmark: ms per seed document (in-process, N runs after warm-up) and a
 * linearity check on 1/2/5/10 MB synthetic plans (time per MB should stay flat).
 *   npm run bench:parse            (or: node tools/bench/ts-runner.cjs tools/bench/parse.bench.ts)
 *   BENCH_RUNS=50 … to change N.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanText, PlanParseError } from '@duban/plan-parser';

const root = join(__dirname, '../..');
const seedDir = join(root, 'seeds/plans');
const runs = Number(process.env.BENCH_RUNS ?? 30);

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

console.log(`seed plans, ${runs} runs each (ms per document):`);
for (const name of readdirSync(seedDir).sort()) {
  const text = readFileSync(join(seedDir, name), 'utf8');
  for (let i = 0; i < 3; i++) parsePlanText(text, { document: name });
  const total = time(() => {
    for (let i = 0; i < runs; i++) parsePlanText(text, { document: name });
  });
  console.log(`  ${name}  ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB  ${(total / runs).toFixed(2)} ms`);
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

console.log('\nlinearity (synthetic plans):');
let perMb1 = 0;
for (const mb of [1, 2, 5, 10]) {
  const text = syntheticPlan(mb * 1024 * 1024);
  let tasks = 0;
  const ms = time(() => {
    tasks = parsePlanText(text, { document: `synthetic-${mb}MB.txt` }).tasks.length;
  });
  const perMb = ms / mb;
  if (mb === 1) perMb1 = perMb;
  console.log(`  ${String(mb).padStart(2)} MB  ${ms.toFixed(0).padStart(6)} ms  ${perMb.toFixed(0)} ms/MB  ratio ${(perMb / perMb1).toFixed(2)}  (${tasks} tasks)`);
}

console.log('\ngarbage (10 MB of one repeated line, no tasks):');
const garbage = '这是一行没有编号的普通文字，没有任何任务。\n'.repeat(Math.ceil((10 * 1024 * 1024) / 66));
const ms = time(() => {
  try {
    parsePlanText(garbage, { document: 'garbage.txt' });
  } catch (e) {
    if (!(e instanceof PlanParseError)) throw e;
  }
});
console.log(`  ${ms.toFixed(0)} ms`);
