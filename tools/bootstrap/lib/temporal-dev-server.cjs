// Starts `temporal server start-dev` and waits, generously, until its frontend
// answers: on 2 cores a cold start can take far longer than the SDK's fixed 5 s.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { waitForPort } = require('./wait-for-port.cjs');

function namespaceAnswers(binary, port) {
  const probe = spawnSync(binary, ['operator', 'namespace', 'describe', '--namespace', 'default', '--address', `127.0.0.1:${port}`], {
    stdio: 'ignore',
    timeout: 10_000,
  });
  return probe.status === 0;
}

/**
 * @param {{ binary: string, port: number, uiPort?: number, dbFile?: string, sqlitePragmas?: string[], logFile?: string, readyTimeoutMs?: number }} options
 * uiPort undefined → headless; dbFile undefined → in-memory. sqlitePragmas: "name=value" for the SQLite file.
 */
async function startTemporalDevServer(options) {
  const { binary, port, uiPort, dbFile, sqlitePragmas = [], logFile, readyTimeoutMs = 120_000 } = options;
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(port), '--log-level', 'warn'];
  if (uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(uiPort));
  if (dbFile) {
    fs.mkdirSync(path.dirname(dbFile), { recursive: true });
    args.push('--db-filename', dbFile);
    for (const pragma of sqlitePragmas) args.push('--sqlite-pragma', pragma);
  }
  // Workflow ids of assignments are long and readable; the default 255 limits are fine, but
  // a plan-wide rollout starts many workflows at once, so raise the per-namespace RPS limits.
  args.push('--dynamic-config-value', 'frontend.namespaceRPS=10000');
  args.push('--dynamic-config-value', 'frontend.rps=10000');
  let output = 'ignore';
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    output = fs.openSync(logFile, 'a');
  }
  // Own process group, so a terminal's Ctrl-C does not stop Temporal before the worker has drained.
  const child = spawn(binary, args, { stdio: ['ignore', output, output], detached: true });
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  const deadline = Date.now() + readyTimeoutMs;
  // An open port is not a ready server: wait until the default namespace answers.
  while (Date.now() < deadline && !exited) {
    if (await waitForPort('127.0.0.1', port, { timeoutMs: 1000 }) && namespaceAnswers(binary, port)) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (exited || Date.now() >= deadline) {
    child.kill('SIGKILL');
    throw new Error(
      `Temporal dev server did not come up on 127.0.0.1:${port}` +
        (exited ? ` (exited with ${exited.code ?? exited.signal})` : ` within ${readyTimeoutMs} ms`) +
        (logFile ? `; see ${logFile}` : ''),
    );
  }
  return {
    address: `127.0.0.1:${port}`,
    pid: child.pid,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

module.exports = { startTemporalDevServer };
