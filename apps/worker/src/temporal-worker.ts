import type { INestApplicationContext } from '@nestjs/common';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { ACTIVITY_PROVIDERS, classifyActivityFailures } from '@duban/activities';
import type { DubanConfig } from '@duban/config';
import { workflowBundlerOptions, workflowsPath } from '@duban/temporal/worker';

/** Collects every activity method of the Nest providers into the object Temporal registers. */
export function activitiesFrom(app: INestApplicationContext): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const activities: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const provider of ACTIVITY_PROVIDERS) {
    const instance = app.get(provider as new (...args: never[]) => object) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(Object.getPrototypeOf(instance))) {
      const method = instance[name];
      if (name === 'constructor' || typeof method !== 'function') continue;
      if (activities[name]) throw new Error(`activity ${name} is defined twice`);
      activities[name] = (method as (...args: unknown[]) => Promise<unknown>).bind(instance);
    }
  }
  return activities;
}

/** Creates the Temporal worker for Duban's task queue, with the Nest-provided activities. */
export async function createTemporalWorker(
  app: INestApplicationContext,
  config: DubanConfig,
  overrides: Partial<WorkerOptions> = {},
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: config.temporalAddress });
  const bundle = overrides.workflowBundle ? {} : { workflowsPath: workflowsPath(), bundlerOptions: workflowBundlerOptions };
  const worker = await Worker.create({
    connection,
    namespace: config.temporalNamespace,
    taskQueue: config.temporalTaskQueue,
    activities: activitiesFrom(app),
    // Data errors fail at once, outages retry, bugs retry a few times: no activity retries forever.
    interceptors: { activity: [classifyActivityFailures] },
    // Bounded: idle assignments sleep for days, so most live in Temporal's history, not in this process (see bench:idle).
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: config.workerMaxConcurrentWorkflowTasks,
    maxConcurrentActivityTaskExecutions: config.workerMaxConcurrentActivities,
    ...bundle,
    ...overrides,
  });
  return { worker, connection };
}
