// Builds the web console (apps/web, Vite) into dist/web when its sources changed
// since the last build, and reports the gzipped size of the first page's scripts
// (the entry and the chunks index.html preloads; every other page loads its own chunk).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawnSync } = require('node:child_process');
const { root, distDir, tmpDir } = require('./paths.cjs');
const { step, fail } = require('./log.cjs');

const OUT_DIR = path.join(distDir, 'web');
/** Written after a successful build; its mtime is the build's. */
const STAMP = path.join(OUT_DIR, '.built');
/** What the console is made of: its own code, the pure libraries it bundles, the locked dependencies. */
const INPUTS = ['apps/web', 'libs/domain/src', 'libs/calendar/src', 'package-lock.json', 'tsconfig.base.json'];
const SKIP = /(\.spec\.ts|\.spec\.tsx)$/;

function newestMtime(target) {
  let stat;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return SKIP.test(target) ? 0 : stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

function isUpToDate() {
  const built = fs.statSync(STAMP, { throwIfNoEntry: false });
  if (!built || !fs.existsSync(path.join(OUT_DIR, 'index.html'))) return false;
  return INPUTS.every((input) => newestMtime(path.join(root, input)) <= built.mtimeMs);
}

/** The scripts the first page loads: index.html's module script and its modulepreload links. */
function firstPageScripts() {
  const html = fs.readFileSync(path.join(OUT_DIR, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((match) => match[1]);
  return sources.map((source) => {
    const bytes = fs.readFileSync(path.join(OUT_DIR, source.replace(/^\//, '')));
    return { file: source, bytes: bytes.length, gzipped: zlib.gzipSync(bytes, { level: 9 }).length };
  });
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** Returns whether it built. `force` builds even when nothing changed. */
function buildWeb({ force = false } = {}) {
  if (!force && isUpToDate()) return false;
  step('Building the web console (Vite)…');
  const started = Date.now();
  const log = path.join(tmpDir, 'web-build.log');
  fs.mkdirSync(tmpDir, { recursive: true });
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(root, 'apps/web/vite.config.ts'), '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  fs.writeFileSync(log, `${result.stdout ?? ''}${result.stderr ?? ''}`);
  if (result.status !== 0) fail(`building the web console failed (full output in ${path.relative(root, log)}):\n${`${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n')}`);
  fs.writeFileSync(STAMP, new Date().toISOString());
  const scripts = firstPageScripts();
  const gzipped = scripts.reduce((sum, script) => sum + script.gzipped, 0);
  const raw = scripts.reduce((sum, script) => sum + script.bytes, 0);
  step(`web console built in ${((Date.now() - started) / 1000).toFixed(1)} s: the first page's scripts are ${kb(gzipped)} gzipped (${kb(raw)} raw, ${scripts.length} files); other pages load their own chunks`);
  return true;
}

module.exports = { buildWeb, firstPageScripts };
