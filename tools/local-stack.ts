/**
 * A throwaway Duban stack inside one process, for benchmarks and tools: its own
 * Temporal dev server (in memory), a fresh database, a Redis key prefix, the
 * worker (Nest context + Temporal worker) and the service layer. With
 * `workerProcess`, the worker runs as its own process instead (apps/worker's
 * main, as deployed), so its memory and CPU are measured apart from the caller's.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@duban/persistence';
import { connectTemporalClient } from '@duban/temporal';
import { bundleWorkflows } from '@duban/temporal/worker';
import type { MeteredWorkerMemory } from './metered-worker';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('./bootstrap/lib/temporal-dev-server.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('./bootstrap/lib/wait-for-port.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTemporal } = require('./bootstrap/lib/ensure-temporal.cjs');

export interface LocalStack {
  readonly id: string;
  readonly temporalAddress: string;
  readonly taskQueue: string;
  readonly services: INestApplicationContext;
  /** The Temporal worker in this process; null when it runs as its own process (`workerProcess`). */
  readonly worker: Worker | null;
  readonly workerProcess: WorkerProcess | null;
  readonly db: DataSource;
  stop(): Promise<void>;
}

/** The worker's own process (tools/metered-worker.ts): its pid, CPU and memory as the OS and V8 see them. */
export interface WorkerProcess {
  readonly pid: number;
  /** RSS now, from /proc (cheap enough to sample often). */
  rss(): number;
  /** CPU seconds the process has used so far, all threads (user + system). */
  cpuSeconds(): number;
  /** Its own report: V8 heap of the main thread, external, array buffers, RSS and peak RSS, threads. */
  memory(): Promise<MeteredWorkerMemory>;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux everywhere that matters). */
const CLOCK_TICKS = 100;

function workerProcessOf(child: ChildProcess): WorkerProcess {
  const pid = child.pid!;
  return {
    pid,
    rss: () => {
      try {
        return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
      } catch {
        return 0;
      }
    },
    cpuSeconds: () => {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
    },
    memory: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the worker process did not report its memory within 30 s')), 30_000);
        const onMessage = (message: { memory?: MeteredWorkerMemory }) => {
          if (!message?.memory) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(message.memory);
        };
        child.on('message', onMessage);
        child.send('memory');
      }),
  };
}

/** Starts apps/worker as its own process with the same V8 heap cap as deployed; resolves once it polls. */
async function startWorkerProcess(address: string, taskQueue: string, metricsPort: number | undefined): Promise<ChildProcess> {
  const root = join(__dirname, '..');
  // METERED_WORKER_NODE_FLAGS: extra Node/V8 flags for diagnostics (--trace-gc shows every isolate's heap, the workflow thread's too).
  const flags = (process.env.METERED_WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, ['--max-old-space-size=512', ...flags, join(root, 'tools/bootstrap/run.mjs'), join(root, 'tools/metered-worker.ts')], {
    cwd: root,
    env: { ...process.env, METERED_WORKER_METRICS_PORT: String(metricsPort ?? (await freePort())) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited: string | null = null;
  child.once('exit', (code, signal) => (exited = String(code ?? signal)));
  const { client, connection } = await connectTemporalClient({ address, namespace: 'default' });
  try {
    const deadline = Date.now() + 600_000;
    for (;;) {
      if (exited !== null) throw new Error(`the worker process exited (${exited}) before it polled`);
      const queue = await client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: taskQueue }, taskQueueType: 1 });
      if (queue.pollers.length > 0) return child;
      if (Date.now() > deadline) throw new Error('the worker process did not poll within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    await connection.close();
  }
}

/** Stops the worker process as deployment does (SIGTERM: it drains, then closes), SIGKILL after a minute. */
async function stopWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (child.connected) child.disconnect();
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}

/**
 * `temporalDbFile`: the dev server keeps its state in this SQLite file rather than
 * in memory (its size is the persistence size). `metricsPort`: the Temporal
 * worker's own metrics (workflow task latency, sticky cache) in Prometheus
 * format on 127.0.0.1:<port>/metrics. `workerProcess`: the worker runs as its
 * own process (see WorkerProcess) rather than in this one.
 */
export async function startLocalStack(name: string, options: { temporalDbFile?: string; metricsPort?: number; workerProcess?: boolean } = {}): Promise<LocalStack> {
  const id = randomUUID().slice(0, 8);
  const binary: string = await ensureTemporal({ quiet: true });
  // A file-backed server (bench:idle measures its size) in WAL mode without a sync per commit: a throwaway server's
  // durability is not what is measured, and the default journal made it the rollout's bottleneck.
  const fileDb = options.temporalDbFile ? { dbFile: options.temporalDbFile, sqlitePragmas: ['journal_mode=wal', 'synchronous=off'] } : {};
  const server = await startTemporalDevServer({ binary, port: await freePort(), readyTimeoutMs: 180_000, ...fileDb });
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/duban_${name}_${id}`;
  const queuePrefix = `duban-${name}-${id}`;
  Object.assign(process.env, {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: server.address,
    TEMPORAL_TASK_QUEUE: `${name}-${id}`,
    QUEUE_PREFIX: queuePrefix,
    DUBAN_SEEDS_DIR: join(__dirname, '../seeds'),
    LOG_LEVEL: 'warn',
  });
  await migrateDatabase(databaseUrl);
  const { loadConfig } = await import('@duban/config');
  const { ServicesModule } = await import('@duban/services');

  let inProcess: { worker: Worker; running: Promise<void>; app: INestApplicationContext; connection: { close(): Promise<void> } } | null = null;
  let child: ChildProcess | null = null;
  if (options.workerProcess) {
    child = await startWorkerProcess(server.address, `${name}-${id}`, options.metricsPort);
  } else {
    Runtime.install({
      logger: new DefaultLogger('WARN'),
      ...(options.metricsPort ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${options.metricsPort}` } } } } : {}),
    });
    const { WorkerModule } = await import('../apps/worker/src/worker.module');
    const { createTemporalWorker } = await import('../apps/worker/src/temporal-worker');
    const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
    const bundle = await bundleWorkflows();
    const { worker, connection } = await createTemporalWorker(app, loadConfig(), { workflowBundle: { code: bundle.code } });
    inProcess = { worker, running: worker.run(), app, connection };
  }
  const services = await NestFactory.createApplicationContext(ServicesModule, { logger: ['error', 'warn'] });
  const db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await db.initialize();

  return {
    id,
    temporalAddress: server.address,
    taskQueue: `${name}-${id}`,
    services,
    worker: inProcess?.worker ?? null,
    workerProcess: child ? workerProcessOf(child) : null,
    db,
    stop: async () => {
      await services.close();
      if (child) await stopWorkerProcess(child);
      if (inProcess) {
        inProcess.worker.shutdown();
        await inProcess.running;
        await inProcess.app.close();
        await inProcess.connection.close();
      }
      await db.destroy();
      await server.stop();
      await dropDatabase(databaseUrl);
      const redis = new Redis(loadConfig().redisUrl);
      const keys = await redis.keys(`${queuePrefix}:*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  };
}
