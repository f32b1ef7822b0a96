// Makes sure PostgreSQL and Redis answer on the configured addresses. When they
// run on loopback and are installed but down, starts them the way this machine
// kind does; otherwise says exactly what is missing.
'use strict';
const fs = require('node:fs');
const { execFileSync, spawnSync } = require('node:child_process');
const { isPortOpen, waitForPort } = require('./wait-for-port.cjs');
const { step, fail } = require('./log.cjs');

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

function endpoint(url, defaultPort) {
  const parsed = new URL(url);
  return { host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) };
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function startPostgres() {
  if (!commandExists('pg_ctlcluster') || !fs.existsSync('/etc/postgresql')) return false;
  const versions = fs.readdirSync('/etc/postgresql');
  if (versions.length === 0) return false;
  step(`Starting PostgreSQL ${versions[0]} (pg_ctlcluster)…`);
  try {
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0], 'main', 'start'], { stdio: 'inherit' });
    return true;
  } catch {
    return false;
  }
}

function startRedis(port) {
  if (!commandExists('redis-server')) return false;
  step('Starting Redis (redis-server --daemonize yes)…');
  try {
    execFileSync('redis-server', ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no'], {
      stdio: 'inherit',
    });
    return true;
  } catch {
    return false;
  }
}

async function ensureService(name, { host, port }, start) {
  if (await isPortOpen(host, port)) {
    step(`${name} answers on ${host}:${port}`);
    return;
  }
  if (!LOOPBACK.has(host)) fail(`${name} does not answer on ${host}:${port}; start it or fix the URL`);
  if (!start(port)) {
    fail(`${name} does not answer on ${host}:${port} and is not installed here; install it (Debian: apt-get install ${name === 'PostgreSQL' ? 'postgresql' : 'redis-server'}) or point the URL at a running server`);
  }
  if (!(await waitForPort(host, port, { timeoutMs: 30_000 }))) fail(`${name} was started but does not answer on ${host}:${port}`);
  step(`${name} started and answers on ${host}:${port}`);
}

async function ensureServices({ databaseUrl, redisUrl }) {
  await ensureService('PostgreSQL', endpoint(databaseUrl, 5432), startPostgres);
  await ensureService('Redis', endpoint(redisUrl, 6379), startRedis);
}

module.exports = { ensureServices };
