/**
 * Idle-scale benchmark: publishes N assignments (plans of 10,000: 500 tasks × 20
 * units) on a Temporal dev server of its own that keeps its state in a SQLite
 * file, lets the workflows settle, then prints
 *   - the worker's RSS and CPU at rest: the worker runs as its own process
 *     (apps/worker's main with its deployed 512 MiB heap cap and bounded sticky
 *     cache, WORKER_MAX_CACHED_WORKFLOWS), read from /proc and from its own
 *     report (V8 heap, external, array buffers); this process, which drives the
 *     rollout through the services, is reported apart,
 *   - Temporal's persistence size (the SQLite file),
 *   - the cost of every assignment waking once, as it does for its daily
 *     re-evaluation: the workflow-task rate, latency (schedule-to-start and
 *     execution, from the worker's own metrics), cache misses (replays) and CPU.
 * The daily wake is at a fixed per-assignment time in 00:05–05:00 (NIGHTLY_WAKE_WINDOW); so that it happens
 * within the run, the LAST plan rolled out (10,000 assignments) carries `maxSleepMs` = --wake-after-minutes
 * (each of its assignments then wakes that long after its start, in rollout order) while the others sleep until
 * the night, as in production: the wake measured is one plan's, the daily cost is extrapolated to all, and the
 * wait does not grow with N (rollout of all, a few minutes, one plan's wake: 100,000 in about 25 minutes).
 * Prints figures, asserts nothing.
 *
 *   npm run bench:idle -- --assignments 100000 [--wake-after-minutes 20] [--rest-only]
 * (--rest-only: stop after the figures at rest, for quicker memory diagnostics)
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NIGHTLY_WAKE_WINDOW } from '@duban/domain';
import { PlanService } from '@duban/services';
import { insertSyntheticPlan } from '../../tests/support/synthetic-plan';
import { startLocalStack, type WorkerProcess } from '../local-stack';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../bootstrap/lib/wait-for-port.cjs');

const UNITS_PER_TASK = 20;
const ASSIGNMENTS_PER_PLAN = 10_000;
const REST_SECONDS = 30;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const MIB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;

/** Temporal's worker metrics, summed over label sets: counters and histogram _sum/_count/_bucket lines. */
async function scrape(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.trim()) continue;
    const match = /^([a-z_:]+)(\{[^}]*\})?\s+([0-9.eE+-]+|NaN|\+Inf)$/.exec(line.trim());
    if (!match) continue;
    const le = /le="([^"]+)"/.exec(match[2] ?? '')?.[1];
    const key = le !== undefined ? `${match[1]}{le=${le}}` : match[1]!;
    values.set(key, (values.get(key) ?? 0) + Number(match[3]));
  }
  return values;
}

function delta(after: Map<string, number>, before: Map<string, number>, key: string): number {
  return (after.get(key) ?? 0) - (before.get(key) ?? 0);
}

/** p50 and mean of a histogram between two scrapes (bucket upper bounds, in the exporter's unit: ms). */
function histogram(after: Map<string, number>, before: Map<string, number>, name: string): string {
  const count = delta(after, before, `${name}_count`);
  if (count <= 0) return `${name}: no samples`;
  const mean = delta(after, before, `${name}_sum`) / count;
  const bounds = [...after.keys()]
    .filter((key) => key.startsWith(`${name}_bucket{le=`))
    .map((key) => ({ key, le: Number(key.slice(`${name}_bucket{le=`.length, -1)) }))
    .sort((a, b) => a.le - b.le);
  const p = (q: number) => bounds.find(({ key }) => delta(after, before, key) >= q * count)?.le ?? Infinity;
  return `${name.replace(/^temporal_/, '')}: n=${count} mean=${mean.toFixed(1)} ms p50≤${p(0.5)} ms p95≤${p(0.95)} ms`;
}

/** The worker process's CPU (all threads: JS, the workflow thread, the Rust core) as a share of one core over `ms`, and its highest RSS. */
async function sampleRest(worker: WorkerProcess, ms: number): Promise<{ cpu: number; rss: number }> {
  const cpuBefore = worker.cpuSeconds();
  const start = performance.now();
  let rss = 0;
  while (performance.now() - start < ms) {
    rss = Math.max(rss, worker.rss());
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { cpu: (worker.cpuSeconds() - cpuBefore) / ((performance.now() - start) / 1000), rss };
}

/** The worker's memory by where it lives: what is not V8's main heap nor external is the workflow thread's heap, the Rust core and the allocator. */
async function workerMemory(worker: WorkerProcess): Promise<string> {
  const memory = await worker.memory();
  const native = memory.rss - memory.heapTotal - memory.external;
  return (
    `worker RSS ${mib(memory.rss)} (peak ${mib(memory.peakRss)}): main V8 heap ${mib(memory.heapUsed)} used of ${mib(memory.heapTotal)}, ` +
    `external ${mib(memory.external)} (array buffers ${mib(memory.arrayBuffers)}), the rest ${mib(native)} (workflow thread's heap, Rust core, allocator; ${memory.threads} threads); ` +
    `this process (driver, services) ${mib(process.memoryUsage().rss)}`
  );
}

async function main(): Promise<void> {
  const assignments = argument('assignments', 100_000);
  const plans = Math.ceil(assignments / ASSIGNMENTS_PER_PLAN);
  const perPlan = Math.ceil(Math.min(assignments, ASSIGNMENTS_PER_PLAN) / UNITS_PER_TASK);
  const total = plans * perPlan * UNITS_PER_TASK;
  const waking = perPlan * UNITS_PER_TASK;
  // The last plan wakes once its own rollout (at ≥ 30/s: a shared machine) has settled and the rest was measured.
  const wakeAfterMs = argument('wake-after-minutes', Math.ceil(waking / 30 / 60) + 2) * 60_000;
  const dir = mkdtempSync(join(tmpdir(), 'duban-idle-'));
  const dbFile = join(dir, 'temporal.sqlite');
  const metricsPort: number = await freePort();
  console.log(`bench:idle: ${total} assignments in ${plans} plan(s); the last plan's ${waking} wake ${wakeAfterMs / 60_000} min after their start; load average ${loadavg()[0]!.toFixed(1)} (2 cores)`);
  const stack = await startLocalStack('idle', { temporalDbFile: dbFile, metricsPort, workerProcess: true });
  const worker = stack.workerProcess!;
  let peakRss = worker.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, worker.rss())), 250);
  try {
    console.log(`worker process ${worker.pid} polling; ${await workerMemory(worker)}`);
    const rolloutStart = performance.now();
    let wakingStartAt = 0;
    let wakingRolledOutAt = 0;
    for (let plan = 0; plan < plans; plan += 1) {
      const wakes = plan === plans - 1;
      const planId = await insertSyntheticPlan(stack.db, perPlan, UNITS_PER_TASK, wakes ? { maxSleepMs: wakeAfterMs } : {}, `闲置${plan + 1}第`);
      if (wakes) wakingStartAt = Date.now();
      await stack.services.get(PlanService).publish(planId, { role: 'admin', unitIds: [], id: 'bench' }, { wait: true });
      if (wakes) wakingRolledOutAt = Date.now();
      console.log(`  plan ${plan + 1}/${plans} rolled out at ${((performance.now() - rolloutStart) / 1000).toFixed(0)} s; ${await workerMemory(worker)}; load average ${loadavg()[0]!.toFixed(1)}`);
    }
    const rolloutSeconds = (performance.now() - rolloutStart) / 1000;
    console.log(`rollout: ${total} assignments in ${rolloutSeconds.toFixed(0)} s (${(total / rolloutSeconds).toFixed(0)}/s), worker's peak RSS so far ${mib(peakRss)}`);

    // Settle: no workflow task for a few seconds (every workflow asleep on its timer).
    const settleStart = performance.now();
    let last = await scrape(metricsPort);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const now = await scrape(metricsPort);
      const tasks = delta(now, last, 'temporal_workflow_task_execution_latency_count');
      last = now;
      if (tasks === 0 || performance.now() - settleStart > 600_000) break;
    }
    if (Date.now() - wakingStartAt > wakeAfterMs) console.log('  (warning: the first wakes began before the workflows settled; raise --wake-after-minutes)');
    const rest = await sampleRest(worker, REST_SECONDS * 1000);
    const restMetrics = await scrape(metricsPort);
    const persistence = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`].reduce((sum, file) => sum + (statSync(file, { throwIfNoEntry: false })?.size ?? 0), 0);
    console.log(`at rest (${REST_SECONDS} s): worker RSS ${mib(rest.rss)} (target < 1 GiB: ${rest.rss < 1024 * MIB ? 'PASS' : 'FAIL'}), CPU ${(rest.cpu * 100).toFixed(1)}% of a core; sticky cache ${restMetrics.get('temporal_sticky_cache_size') ?? '?'} workflows; failed workflow tasks so far ${restMetrics.get('temporal_workflow_task_execution_failed') ?? 0}`);
    console.log(`  ${await workerMemory(worker)}`);
    console.log(`Temporal persistence (SQLite dev server): ${mib(persistence)} = ${((persistence / total) / 1024).toFixed(1)} KiB per assignment`);

    if (process.argv.includes('--rest-only')) return;

    // The wake: every assignment's timer fires once, in rollout order.
    const waitMs = wakingStartAt + wakeAfterMs - Date.now();
    if (waitMs > 0) {
      console.log(`waiting ${(waitMs / 1000).toFixed(0)} s for the first wake…`);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
    const before = await scrape(metricsPort);
    const cpuBefore = worker.cpuSeconds();
    const wakeStart = performance.now();
    peakRss = worker.rss();
    let idleScrapes = 0;
    // The last plan's workflows started over its whole rollout, so the last of them wakes wakeAfterMs after it ended.
    const wakeWindowEnd = wakingRolledOutAt + wakeAfterMs;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
      const now = await scrape(metricsPort);
      const tasks = delta(now, before, 'temporal_workflow_task_execution_latency_count');
      // Quiet scrapes in a row (no workflow task in 5 s) once the window has passed: the wake is over, or (a slow
      // rollout) already happened before we looked.
      idleScrapes = delta(now, last, 'temporal_workflow_task_execution_latency_count') === 0 ? idleScrapes + 1 : 0;
      last = now;
      const windowPassed = Date.now() > wakeWindowEnd + 10_000;
      if ((tasks >= waking && idleScrapes >= 1) || (windowPassed && idleScrapes >= 3) || performance.now() - wakeStart > rolloutSeconds * 3000 + 600_000) break;
    }
    const after = await scrape(metricsPort);
    const wakeSeconds = (performance.now() - wakeStart) / 1000;
    const cpuSeconds = worker.cpuSeconds() - cpuBefore;
    const tasks = delta(after, before, 'temporal_workflow_task_execution_latency_count');
    console.log(`wake: ${tasks} workflow tasks in ${wakeSeconds.toFixed(0)} s (${(tasks / wakeSeconds).toFixed(0)}/s), worker CPU ${cpuSeconds.toFixed(0)} s = ${((cpuSeconds / tasks) * 1000).toFixed(2)} ms per task, worker's peak RSS ${mib(peakRss)}`);
    console.log(`  after the wake: ${await workerMemory(worker)}`);
    console.log(`  ${histogram(after, before, 'temporal_workflow_task_schedule_to_start_latency')}`);
    console.log(`  ${histogram(after, before, 'temporal_workflow_task_execution_latency')}`);
    console.log(`  ${histogram(after, before, 'temporal_workflow_task_replay_latency')}`);
    console.log(`  sticky cache: hits ${delta(after, before, 'temporal_sticky_cache_hit')}, misses (replayed from history) ${delta(after, before, 'temporal_sticky_cache_miss')}; failed workflow tasks ${delta(after, before, 'temporal_workflow_task_execution_failed')}`);
    const dailyCpuSeconds = (cpuSeconds / Math.max(tasks, 1)) * total;
    const windowSeconds = NIGHTLY_WAKE_WINDOW.minutes * 60;
    console.log(
      `daily re-evaluation of ${total} assignments ≈ ${dailyCpuSeconds.toFixed(0)} CPU-seconds of this worker; spread over the night window ` +
        `(${NIGHTLY_WAKE_WINDOW.from} + ${NIGHTLY_WAKE_WINDOW.minutes} min) that is ${(total / windowSeconds).toFixed(1)} wakes/s and ` +
        `${((dailyCpuSeconds / windowSeconds) * 100).toFixed(1)}% of a core (the wake above ran ${(tasks / wakeSeconds).toFixed(0)}/s: ${tasks / wakeSeconds >= total / windowSeconds ? 'enough' : 'NOT enough'})`,
    );
    console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)} (2 cores)`);
  } finally {
    clearInterval(sampler);
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
