import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@duban/config';
import { survivePassingOutages } from '@duban/resilience';
import { WorkerHeartbeat } from './health/worker-heartbeat.service';
import { createTemporalWorker } from './temporal-worker';
import { WorkerModule } from './worker.module';

/**
 * The worker process: Temporal workflows and activities, and the BullMQ
 * processors. SIGINT/SIGTERM stop it gracefully: the Temporal worker drains
 * (its runtime handles the signals), then Nest closes BullMQ workers, queues
 * and the database pool.
 */
async function main(): Promise<void> {
  survivePassingOutages((message) => process.stderr.write(`duban worker: ${message}\n`));
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const { worker, connection } = await createTemporalWorker(app, config);
  app.get(WorkerHeartbeat).watch(() => worker.getState());
  logger.log(`Temporal worker polling task queue "${config.temporalTaskQueue}" on ${config.temporalAddress}`);
  try {
    await worker.run();
  } finally {
    logger.log('Temporal worker stopped; closing queues and database');
    await app.close();
    await connection.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`duban worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
