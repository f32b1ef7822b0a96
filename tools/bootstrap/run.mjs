// `node tools/bootstrap/run.mjs FILE.ts [args…]`: runs a TypeScript script
// (benchmarks, one-off tools) straight from source, compiling on require with
// the same swc options and @duban/* aliases as the build.
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { ensureDependencies } = require('./lib/ensure-dependencies.cjs');
const { swcOptions } = require('./lib/build.cjs');
const { root } = require('./lib/paths.cjs');
const { fail } = require('./lib/log.cjs');

const [script, ...args] = process.argv.slice(2);
if (!script) fail('usage: node tools/bootstrap/run.mjs FILE.ts [args…]');
await ensureDependencies({ quiet: true });

const swc = require('@swc/core');
const { register } = require('tsconfig-paths');
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: tsconfig.compilerOptions.paths });
const options = swcOptions();
delete options.jsc.paths; // resolved at run time by tsconfig-paths
delete options.jsc.baseUrl;
require.extensions['.ts'] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], path.resolve(script), ...args];
// A script that forks a cluster (the API with API_PROCESSES > 1) forks through this runner again, not its .ts file.
if (cluster.isPrimary) cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: [script, ...args] });
require(path.resolve(script));
