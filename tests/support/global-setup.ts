import './register-path-aliases';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '@duban/config';
import { migrateDatabase } from '@duban/persistence';
import { bundleWorkflows } from '@duban/temporal/worker';
import { REPO_ROOT, writeTestRun } from './test-run';

// Plain CommonJS helpers shared with the bootstrap (no dependencies of their own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('../../tools/bootstrap/lib/temporal-dev-server.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../tools/bootstrap/lib/wait-for-port.cjs');

interface DevServer {
  address: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Once per `npm test`: a Temporal dev server of our own (in memory, headless,
 * a free port, a generous readiness wait), a fresh database migrated from zero,
 * a Redis key prefix for this run, and the workflow bundle built once.
 */
export default async function globalSetup(): Promise<void> {
  const id = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const base = loadConfig();
  const databaseUrl = new URL(base.databaseUrl);
  databaseUrl.pathname = `/duban_test_${id}`;

  process.stderr.write(`\n[tests] run ${id}: starting a Temporal dev server, creating database duban_test_${id}, bundling workflows…\n`);
  const binary = process.env.TEMPORAL_CLI_PATH ?? join(REPO_ROOT, '.tools/bin/temporal');
  const server: DevServer = await startTemporalDevServer({
    binary,
    port: await freePort(),
    logFile: join(REPO_ROOT, 'tmp', `temporal-test-${id}.log`),
    readyTimeoutMs: 180_000,
  });
  (globalThis as { __dubanTemporal?: DevServer }).__dubanTemporal = server;

  await migrateDatabase(databaseUrl.toString());

  const bundle = await bundleWorkflows();
  mkdirSync(join(REPO_ROOT, 'tmp'), { recursive: true });
  const workflowBundlePath = join(REPO_ROOT, 'tmp', `workflow-bundle-${id}.js`);
  writeFileSync(workflowBundlePath, bundle.code);

  writeTestRun({
    id,
    temporalAddress: server.address,
    temporalPid: server.pid,
    databaseUrl: databaseUrl.toString(),
    redisUrl: base.redisUrl,
    queuePrefix: `duban-test-${id}`,
    workflowBundlePath,
  });
  process.stderr.write(`[tests] run ${id}: Temporal on ${server.address}, ready\n`);
}
