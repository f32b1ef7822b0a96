// `npm test`: the whole suite. Prepares the machine like `npm start` (deps,
// Temporal CLI, PostgreSQL, Redis), type-checks and lints on a full run, then runs
// Jest: unit tests and integration tests against real PostgreSQL, Redis and a
// Temporal dev server that Jest's globalSetup starts. `npm test -- <path>` runs
// only the matching test files (no type check, no lint).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { prepare } = require('./lib/prepare.cjs');
const { runCommand } = require('./lib/run-command.cjs');
const { root } = require('./lib/paths.cjs');
const { step } = require('./lib/log.cjs');
const { ensureSystemPackages } = require('./lib/ensure-system-packages.cjs');

const jestArgs = process.argv.slice(2);
const fullRun = jestArgs.every((arg) => arg.startsWith('-'));
const { temporalBinary } = await prepare();
ensureSystemPackages();
const env = { ...process.env, TEMPORAL_CLI_PATH: temporalBinary, TZ: 'UTC' };
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

if (fullRun) {
  step('Type-checking (tsc --noEmit: the server code, then the web console)…');
  if ((await runCommand(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit'], { cwd: root, env })) !== 0) process.exit(1);
  if ((await runCommand(bin('tsc'), ['-p', 'apps/web/tsconfig.json', '--noEmit'], { cwd: root, env })) !== 0) process.exit(1);
  step('Linting (eslint, Nx module boundaries)…');
  // The boundary rule reads Nx's cached project graph; compute it first (a clean clone has none).
  if ((await runCommand(bin('nx'), ['show', 'projects'], { cwd: root, env: { ...env, NX_DAEMON: 'false' }, stdio: 'ignore' })) !== 0) process.exit(1);
  if ((await runCommand(bin('eslint'), ['.', '--max-warnings=0'], { cwd: root, env })) !== 0) process.exit(1);
}
step(`Running Jest${jestArgs.length ? ` ${jestArgs.join(' ')}` : ''}…`);
const code = await runCommand(process.execPath, [path.join(root, 'node_modules/jest/bin/jest.js'), '--ci', '--runInBand', ...jestArgs], { cwd: root, env });
process.exit(code);
