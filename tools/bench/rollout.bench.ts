/**
 * Rollout benchmark: publishes a synthetic plan of N assignments on a Temporal
 * dev server of its own and prints the rate, then starts N trivial workflows the
 * same way as a baseline, and the process's peak RSS (the worker runs in it).
 * Prints figures, asserts nothing.
 *
 *   npm run bench:rollout -- --assignments 10000
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { PlanService } from '@duban/services';
import { connectTemporalClient } from '@duban/temporal';
import { insertSyntheticPlan } from '../../tests/support/synthetic-plan';
import { startLocalStack } from '../local-stack';

const UNITS_PER_TASK = 20;
/** The same parallelism the rollout activity uses to start workflows. */
const START_CONCURRENCY = 32;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main(): Promise<void> {
  const tasks = Math.ceil(argument('assignments', 10_000) / UNITS_PER_TASK);
  const total = tasks * UNITS_PER_TASK;
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const stack = await startLocalStack('bench');
  try {
    const planId = await insertSyntheticPlan(stack.db, tasks, UNITS_PER_TASK);
    const rolloutStart = performance.now();
    const published = await stack.services.get(PlanService).publish(planId, { role: 'admin', unitIds: [], id: 'bench' }, { wait: true, batchSize: 500 });
    const rolloutSeconds = (performance.now() - rolloutStart) / 1000;
    const rolled = published.result?.workflowsStarted ?? 0;
    const rate = rolled / rolloutSeconds;
    console.log(`rollout assignments=${rolled} seconds=${rolloutSeconds.toFixed(2)} rate=${rate.toFixed(1)}/s`);

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
    console.log(`baseline rate=${baseline.toFixed(1)}/s ratio=${(rate / baseline).toFixed(2)}`);
    console.log(`worker peak RSS=${(peakRss / 1024 / 1024).toFixed(0)} MiB (worker, services and driver share this process)`);
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
