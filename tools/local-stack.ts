/**
 * A throwaway Duban stack inside one process, for benchmarks and tools: its own
 * Temporal dev server (in memory), a fresh database, a Redis key prefix, the
 * worker (Nest context + Temporal worker) and the service layer.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@duban/persistence';
import { bundleWorkflows } from '@duban/temporal/worker';

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
  readonly worker: Worker;
  readonly db: DataSource;
  stop(): Promise<void>;
}

/**
 * `temporalDbFile`: the dev server keeps its state in this SQLite file rather than
 * in memory (its size is the persistence size). `metricsPort`: the Temporal
 * worker's own metrics (workflow task latency, sticky cache) in Prometheus
 * format on 127.0.0.1:<port>/metrics.
 */
export async function startLocalStack(name: string, options: { temporalDbFile?: string; metricsPort?: number } = {}): Promise<LocalStack> {
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
  Runtime.install({
    logger: new DefaultLogger('WARN'),
    ...(options.metricsPort ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${options.metricsPort}` } } } } : {}),
  });

  const { WorkerModule } = await import('../apps/worker/src/worker.module');
  const { createTemporalWorker } = await import('../apps/worker/src/temporal-worker');
  const { loadConfig } = await import('@duban/config');
  const { ServicesModule } = await import('@duban/services');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error', 'warn'] });
  const bundle = await bundleWorkflows();
  const { worker, connection } = await createTemporalWorker(app, loadConfig(), { workflowBundle: { code: bundle.code } });
  const running = worker.run();
  const services = await NestFactory.createApplicationContext(ServicesModule, { logger: ['error', 'warn'] });
  const db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await db.initialize();

  return {
    id,
    temporalAddress: server.address,
    taskQueue: `${name}-${id}`,
    services,
    worker,
    db,
    stop: async () => {
      await services.close();
      worker.shutdown();
      await running;
      await app.close();
      await connection.close();
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
