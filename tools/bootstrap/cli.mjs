// `npm run duban -- …`: installs dependencies if needed, compiles changed
// sources, then runs the CLI in this same process (fast start for `duban parse`).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { ensureDependencies } = require('./lib/ensure-dependencies.cjs');
const { build } = require('./lib/build.cjs');
const { distDir } = require('./lib/paths.cjs');

await ensureDependencies({ quiet: true });
// The CLI does not serve the web console: skip its build for a fast start.
build({ web: false });
const main = path.join(distDir, 'apps/cli/src/main.js');
process.argv = [process.argv[0], main, ...process.argv.slice(2)];
process.setSourceMapsEnabled(true);
require(main);
