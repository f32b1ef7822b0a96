/**
 * Rollout benchmark: publishes a synthetic plan of N assignments on a Temporal
 * dev server of its own (with the service's own batch size) and prints the rate,
 * then starts N trivial workflows the same way as a baseline, the ratio against
 * the target (≥ 0.8), where the rollout's time went (rows written, then
 * workflow starts), and the process's peak RSS (the worker runs in it, with the
 * services and the driver). Prints figures and PASS/FAIL, asserts nothing.
 *
 *   npm run bench:rollout -- --assignments 10000      (short: --assignments 2000)
 *
 * The npm script bounds each V8 heap to 512 MiB as the worker's deployment does
 * (docker-compose, npm start): without a bound V8 grows heaps lazily on a large
 * machine and the RSS measures garbage not yet collected (1.5 GiB at 10,000).
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { loadavg } from 'node:os';
import { PlanService } from '@duban/services';
import { connectTemporalClient } from '@duban/temporal';
import { insertSyntheticPlan } from '../../tests/support/synthetic-plan';
import { startLocalStack } from '../local-stack';

const UNITS_PER_TASK = 20;
/** The same parallelism the rollout activity uses to start workflows. */
const START_CONCURRENCY = 32;
const TARGET_RATIO = 0.8;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main(): Promise<void> {
  const tasks = Math.ceil(argument('assignments', 10_000) / UNITS_PER_TASK);
  const total = tasks * UNITS_PER_TASK;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  console.log(`bench:rollout: ${total} assignments; load average ${loadavg()[0]!.toFixed(1)} (2 cores); heap limit ${mib((await import('node:v8')).getHeapStatistics().heap_size_limit)}`);
  const stack = await startLocalStack('bench');
  try {
    const planId = await insertSyntheticPlan(stack.db, tasks, UNITS_PER_TASK);
    // Where the time goes: when all rows are written, then how many workflows run (polled beside the rollout).
    let rowsWrittenAt: number | null = null;
    let polling = true;
    const rolloutStart = performance.now();
    const poller = (async () => {
      while (polling && rowsWrittenAt === null) {
        const [{ n }] = (await stack.db.query('SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1', [planId])) as [{ n: number }];
        if (n >= total) rowsWrittenAt = performance.now();
        else await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    const published = await stack.services.get(PlanService).publish(planId, { role: 'admin', unitIds: [], id: 'bench' }, { wait: true });
    const rolloutSeconds = (performance.now() - rolloutStart) / 1000;
    polling = false;
    await poller;
    const rolloutRss = peakRss;
    const rolled = published.result?.workflowsStarted ?? 0;
    const rate = rolled / rolloutSeconds;
    const writeSeconds = rowsWrittenAt !== null ? (rowsWrittenAt - rolloutStart) / 1000 : NaN;
    console.log(`rollout   ${rolled} workflows in ${rolloutSeconds.toFixed(1)} s = ${rate.toFixed(1)}/s`);
    console.log(`          rows written (domain rollout + batched inserts) after ${writeSeconds.toFixed(1)} s; starts ${(rolled / (rolloutSeconds - writeSeconds)).toFixed(1)}/s after that`);

    const { client, connection } = await connectTemporalClient({ address: stack.temporalAddress, namespace: 'default' });
    const baselineStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: START_CONCURRENCY }, async () => {
        while (next < total) {
          const index = next++;
          try {
            await client.workflow.start('noopWorkflow', { taskQueue: stack.taskQueue, workflowId: `bench-noop-${stack.id}-${index}`, args: [] });
          } catch (error) {
            if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
          }
        }
      }),
    );
    const baselineSeconds = (performance.now() - baselineStart) / 1000;
    const baseline = total / baselineSeconds;
    const ratio = rate / baseline;
    console.log(`baseline  ${total} trivial workflow starts in ${baselineSeconds.toFixed(1)} s = ${baseline.toFixed(1)}/s (same concurrency, ${START_CONCURRENCY})`);
    console.log(`ratio     ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'PASS' : 'FAIL'}`);
    console.log(`peak RSS  ${mib(rolloutRss)} during the rollout, ${mib(peakRss)} overall (worker, services and driver share this process)`);
    console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)} (2 cores; figures are only comparable within one run)`);
    await connection.close();
  } finally {
    clearInterval(sampler);
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
