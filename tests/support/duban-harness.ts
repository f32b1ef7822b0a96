import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Worker } from '@temporalio/worker';
import type { NativeConnection } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@duban/persistence';
import { readTestRun, type TestRun } from './test-run';

/**
 * Points the process's configuration at this run's Temporal, database and Redis
 * prefix, with a task queue of the test file's own. Call before creating apps.
 */
export function useTestEnvironment(taskQueue: string): TestRun {
  const run = readTestRun();
  process.env.DATABASE_URL = run.databaseUrl;
  process.env.REDIS_URL = run.redisUrl;
  process.env.TEMPORAL_ADDRESS = run.temporalAddress;
  process.env.TEMPORAL_TASK_QUEUE = `${taskQueue}-${run.id}`;
  process.env.QUEUE_PREFIX = run.queuePrefix;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'warn';
  process.env.DUBAN_SEEDS_DIR = `${__dirname}/../../seeds`;
  // Test files share one database: a worker's record repair would touch other files' assignments.
  process.env.REPAIR_EVERY_MS = process.env.REPAIR_EVERY_MS ?? '0';
  // The production bounds (10 s per action, 12 s per request) assume a machine that is not running
  // several test suites at once; tests that check the bounds set their own.
  process.env.UPDATE_TIMEOUT_MS = process.env.UPDATE_TIMEOUT_MS ?? '60000';
  process.env.REQUEST_TIMEOUT_MS = process.env.REQUEST_TIMEOUT_MS ?? '65000';
  return run;
}

/** Temporal's runtime may be installed once per process: quiet (warnings only) for tests. */
function installQuietRuntime(): void {
  const flag = globalThis as { __dubanRuntimeInstalled?: boolean };
  if (flag.__dubanRuntimeInstalled) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Runtime, DefaultLogger } = require('@temporalio/worker') as typeof import('@temporalio/worker');
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // Already installed by an earlier test file in this process.
  }
  flag.__dubanRuntimeInstalled = true;
}

/**
 * The worker process's Nest context and Temporal worker, in this process, running until stopped.
 * With `poll: false` the Temporal worker is created but polls only once `startPolling()` is
 * called: workflows started meanwhile get their first workflow task (and any Updates sent
 * to them) all at once, as after a worker outage.
 */
export async function startWorker(
  run: TestRun,
  options: { poll?: boolean } = {},
): Promise<{ app: INestApplicationContext; worker: Worker; startPolling(): void; stop(): Promise<void> }> {
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const { createTemporalWorker } = await import('../../apps/worker/src/temporal-worker');
  const { loadConfig } = await import('@duban/config');
  installQuietRuntime();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const { worker, connection }: { worker: Worker; connection: NativeConnection } = await createTemporalWorker(app, loadConfig(), {
    workflowBundle: { codePath: run.workflowBundlePath },
    shutdownGraceTime: '2s',
  });
  const { WorkerHeartbeat } = await import('../../apps/worker/src/health/worker-heartbeat.service');
  app.get(WorkerHeartbeat).watch(() => worker.getState());
  let running: Promise<void> | null = null;
  const startPolling = () => {
    running ??= worker.run();
  };
  if (options.poll !== false) startPolling();
  return {
    app,
    worker,
    startPolling,
    stop: async () => {
      startPolling();
      worker.shutdown();
      await running;
      await app.close();
      await connection.close();
    },
  };
}

/** The API on a free loopback port. */
export async function startApi(): Promise<{ app: INestApplication; baseUrl: string; stop(): Promise<void> }> {
  const { createApiApp } = await import('../../apps/api/src/create-api-app');
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, stop: () => app.close() };
}

/** A plain DataSource on the run's database for assertions. */
export async function openDatabase(run: TestRun): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(run.databaseUrl, { poolSize: 2, applicationName: 'duban-test-assertions' }));
  await dataSource.initialize();
  return dataSource;
}

/** Polls `probe` until it returns a value other than undefined, or fails after timeoutMs with `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}
