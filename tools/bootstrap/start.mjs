// `npm start`: Duban on local defaults. Temporal dev server (SQLite in .data/,
// UI on :8233), the worker, and the API on :3000, with the seed plans imported
// on first start. Ctrl-C stops everything, the worker gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { prepare } = require('./lib/prepare.cjs');
const { startTemporalDevServer } = require('./lib/temporal-dev-server.cjs');
const { isPortOpen } = require('./lib/wait-for-port.cjs');
const { root, dataDir, distDir } = require('./lib/paths.cjs');
const { step, fail } = require('./lib/log.cjs');

const { config, temporalBinary } = await prepare();

step('Migrating the database…');
const migrate = spawnSync(process.execPath, [path.join(distDir, 'apps/cli/src/main.js'), 'db', 'migrate'], { cwd: root, stdio: 'inherit' });
if (migrate.status !== 0) fail('database migration failed');

let temporal = null;
const [temporalHost, temporalPort] = config.temporalAddress.split(':');
if (await isPortOpen(temporalHost, Number(temporalPort))) {
  step(`Temporal already answers on ${config.temporalAddress}; using it`);
} else {
  step(`Starting the Temporal dev server on ${config.temporalAddress} (UI http://127.0.0.1:8233, data in .data/temporal.sqlite)…`);
  try {
    temporal = await startTemporalDevServer({
      binary: temporalBinary,
      port: Number(temporalPort),
      uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
      dbFile: path.join(dataDir, 'temporal.sqlite'),
      logFile: path.join(dataDir, 'temporal.log'),
    });
  } catch (error) {
    fail(error.message);
  }
  step('Temporal is ready');
}

const children = new Map();
let stopping = false;

function launch(name, script, extraEnv = {}) {
  const child = spawn(process.execPath, ['--enable-source-maps', path.join(distDir, script)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
    // Own process group: Ctrl-C reaches only this script, which stops the children in order.
    detached: true,
  });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      step(`${name} exited unexpectedly (${code ?? signal}); stopping Duban`);
      void shutdown(1);
    }
  });
  return child;
}

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  step('Stopping: API and worker first (the worker finishes in-flight tasks), then Temporal…');
  const exits = [...children.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children.values()) child.kill('SIGTERM');
  const forceKill = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 30_000);
  await Promise.all(exits);
  clearTimeout(forceKill);
  if (temporal) await temporal.stop();
  step('Stopped');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// Last resort (this script crashing): never leave the children running.
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

step('Starting the worker (Temporal workflows and activities, BullMQ processors)…');
launch('worker', 'apps/worker/src/main.js');
step(`Starting the API on http://127.0.0.1:${config.apiPort} …`);
launch('api', 'apps/api/src/main.js', { DUBAN_SEED_ON_START: process.env.DUBAN_SEED_ON_START ?? 'true' });
step(`Duban is starting: API http://127.0.0.1:${config.apiPort}/health, OpenAPI http://127.0.0.1:${config.apiPort}/api/docs, Temporal UI http://127.0.0.1:8233. Ctrl-C stops.`);
