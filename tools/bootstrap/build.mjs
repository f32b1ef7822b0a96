// `npm run build`: compile changed TypeScript sources to dist/.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { ensureDependencies } = require('./lib/ensure-dependencies.cjs');
const { build } = require('./lib/build.cjs');
const { step } = require('./lib/log.cjs');

await ensureDependencies();
step(`Compiled ${build()} changed source files to dist/`);
