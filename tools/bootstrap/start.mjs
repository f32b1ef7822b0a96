// `npm start`: Duban on local defaults. Temporal dev server (SQLite in .data/,
// UI on :8233), the worker, and the API on :3000, with the seed plans imported
// on first start. The worker and the API are supervised: a crashed one is
// restarted with backoff (repeated crashes stop everything). The last line is the
// one URL to open, printed once /health answers 200. Ctrl-C stops everything, the
// worker gracefully.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { prepare } = require('./lib/prepare.cjs');
const { startTemporalDevServer } = require('./lib/temporal-dev-server.cjs');
const { isPortOpen } = require('./lib/wait-for-port.cjs');
const { supervise } = require('./lib/supervisor.cjs');
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

function launch(name, script, extraEnv = {}, nodeFlags = []) {
  const supervised = supervise({
    name,
    command: process.execPath,
    args: ['--enable-source-maps', ...nodeFlags, path.join(distDir, script)],
    spawnOptions: {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...extraEnv },
      // Own process group: Ctrl-C reaches only this script, which stops the children in order.
      detached: true,
    },
    log: step,
    onGiveUp: () => {
      step(`${name} keeps crashing; stopping Duban (see its log above)`);
      void shutdown(1);
    },
  });
  children.set(name, supervised);
  return supervised;
}

async function shutdown(exitCode) {
  if (stopping) return;
  stopping = true;
  step('Stopping: API and worker first (the worker finishes in-flight tasks), then Temporal…');
  await Promise.all([...children.values()].map((child) => child.stop('SIGTERM', 30_000)));
  if (temporal) await temporal.stop();
  step('Stopped');
  process.exit(exitCode);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGHUP', () => void shutdown(0));
// Last resort (this script crashing): never leave the children running.
process.on('exit', () => children.forEach((child) => child.child?.kill('SIGKILL')));

step('Starting the worker (Temporal workflows and activities, BullMQ processors)…');
// Heaps bounded as in docker-compose (V8 otherwise grows them lazily to gigabytes on a large machine).
launch('worker', 'apps/worker/src/main.js', {}, ['--max-old-space-size=512']);
step(`Starting the API on port ${config.apiPort} …`);
launch('api', 'apps/api/src/main.js', { DUBAN_SEED_ON_START: process.env.DUBAN_SEED_ON_START ?? 'true' });

const host = ['0.0.0.0', '::', ''].includes(config.apiHost) ? '127.0.0.1' : config.apiHost.includes(':') ? `[${config.apiHost}]` : config.apiHost;
const url = `http://${host}:${config.apiPort}/`;
await waitUntilHealthy(`${url}health`);
if (!stopping) {
  step(`OpenAPI ${url}api/docs · Temporal UI http://127.0.0.1:${process.env.TEMPORAL_UI_PORT ?? 8233} · health ${url}health · Ctrl-C stops`);
  process.stdout.write(`Duban is ready: ${url}\n`);
}

/** Polls /health until it answers 200, saying every 30 s what it still waits for. */
async function waitUntilHealthy(healthUrl) {
  let lastNote = Date.now();
  let waiting = 'the API to listen';
  while (!stopping) {
    try {
      const response = await fetch(healthUrl, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
      waiting = (await response.json().catch(() => ({}))).message ?? `HTTP ${response.status}`;
    } catch {
      waiting = 'the API to listen';
    }
    if (Date.now() - lastNote > 30_000) {
      step(`still waiting for Duban to be healthy: ${waiting}`);
      lastNote = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
