// Debian packages the test suite needs beyond Node: the system Chromium that
// playwright-core drives (never a downloaded browser) and CJK fonts, so pages,
// screenshots and generated PDFs show Chinese rather than boxes. Installed with
// apt-get when missing and we run as root; otherwise the exact command is printed.
'use strict';
const fs = require('node:fs');
const { spawnSync } = require('node:child_process');
const { step, fail } = require('./log.cjs');

/** Each package and a file that proves it is installed. */
const TEST_PACKAGES = [
  { name: 'chromium', file: '/usr/bin/chromium' },
  { name: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
];

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** Another apt-get (an unattended upgrade, a second test run) may hold apt's lock: wait for it, up to five minutes. */
const LOCK_WAIT_MS = 5 * 60_000;

function apt(args) {
  const started = Date.now();
  for (;;) {
    const result = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=60', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, encoding: 'utf8' });
    const lockHeld = result.status !== 0 && /Could not get lock|Unable to lock/.test(result.stderr || '');
    if (!lockHeld || Date.now() - started > LOCK_WAIT_MS) return result;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_000);
  }
}

function ensureSystemPackages(packages = TEST_PACKAGES) {
  const missing = packages.filter((pkg) => !fs.existsSync(pkg.file)).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot()) fail(`the browser tests need Debian packages that are missing: ${missing.join(', ')}. Install them as root: ${command}`);
  step(`Installing Debian packages ${missing.join(', ')} (apt-get; once)…`);
  const update = apt(['update']);
  const install = update.status === 0 ? apt(['install', '-y', '--no-install-recommends', ...missing]) : update;
  if (install.status !== 0) fail(`apt-get could not install ${missing.join(', ')}:\n${(install.stderr || install.stdout || '').slice(-2000)}\nRun it yourself: ${command}`);
  step(`installed ${missing.join(', ')}`);
}

module.exports = { ensureSystemPackages, TEST_PACKAGES };
