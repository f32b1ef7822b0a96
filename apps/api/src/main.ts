import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@duban/config';
import { survivePassingOutages } from '@duban/resilience';
import { SeedService } from '@duban/services';
import { runApiCluster } from './cluster/api-cluster';
import { joinClusterMetrics } from './cluster/cluster-metrics';
import { createApiApp } from './create-api-app';

async function serve(): Promise<void> {
  survivePassingOutages((message) => process.stderr.write(`duban api: ${message}\n`));
  joinClusterMetrics();
  const config = loadConfig();
  const app = await createApiApp();
  await app.listen(config.apiPort, config.apiHost);
  const logger = new Logger('duban-api');
  logger.log(`API listening on http://${config.apiHost}:${config.apiPort} (OpenAPI at /api/docs)${cluster.isWorker ? `, one of a cluster's processes (pid ${process.pid})` : ''}`);
  if (config.seedOnStart) {
    // After listen, so /health answers while the seed plans go through the worker.
    const result = await app.get(SeedService).seedLocalDemo({ publish: config.seedPublish, history: config.seedHistory });
    logger.log(`seed plans: ${result.imported} imported, ${result.existing} already present, ${result.published} published, ${result.actions} demo actions played`);
  }
}

function main(): void {
  const { apiProcesses } = loadConfig();
  if (cluster.isPrimary && apiProcesses > 1) {
    runApiCluster(apiProcesses, (message) => process.stderr.write(`duban api: ${message}\n`));
    return;
  }
  serve().catch((error: unknown) => {
    process.stderr.write(`duban api: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}

main();
