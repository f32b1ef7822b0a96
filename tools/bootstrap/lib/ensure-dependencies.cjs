// Installs Node dependencies with `npm ci` when node_modules is missing or older
// than package-lock.json (npm writes node_modules/.package-lock.json on install).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { root, tmpDir } = require('./paths.cjs');
const { runLogged, tail } = require('./run-command.cjs');
const { step, fail } = require('./log.cjs');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

async function ensureDependencies({ quiet = false } = {}) {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const installed = mtime(marker);
  // The lockfile is what an install realises (package.json edits such as scripts need no install).
  const wanted = mtime(path.join(root, 'package-lock.json'));
  if (installed !== 0 && installed >= wanted) {
    if (!quiet) step('Node dependencies are installed');
    return;
  }
  // npm's own output (often pages of it) goes to log files; the terminal gets one line per step.
  const ciLog = path.join(tmpDir, 'npm-ci.log');
  const installLog = path.join(tmpDir, 'npm-install.log');
  const heartbeat = (seconds) => step(`still installing (${seconds} s)…`);
  step(`Installing Node dependencies (npm ci; the first time takes a few minutes; output in ${path.relative(root, ciLog)})…`);
  let code = await runLogged('npm', ['ci', '--no-audit', '--no-fund'], ciLog, { cwd: root, heartbeat });
  let log = ciLog;
  if (code !== 0) {
    // A registry mirror that carries only this platform's optional binaries (@swc/core-darwin-*…)
    // makes `npm ci` refuse the lockfile; `npm install --no-save` installs the same locked
    // versions without rewriting package-lock.json.
    step(`npm ci refused the lockfile (full output in ${path.relative(root, ciLog)}); installing the locked versions with npm install --no-save…`);
    code = await runLogged('npm', ['install', '--no-save', '--no-audit', '--no-fund'], installLog, { cwd: root, heartbeat });
    log = installLog;
  }
  if (code !== 0) fail(`installing Node dependencies failed with exit code ${code}; the last lines of ${path.relative(root, log)}:\n${tail(log)}`);
  step('Node dependencies installed');
  // An install that found nothing to change leaves the marker untouched: mark this lockfile as installed.
  const now = new Date();
  fs.utimesSync(marker, now, now);
}

module.exports = { ensureDependencies };
