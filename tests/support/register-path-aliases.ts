// globalSetup/globalTeardown run outside Jest's module registry, where
// moduleNameMapper does not apply: resolve the @duban/* aliases with tsconfig-paths.
import { register } from 'tsconfig-paths';
import { join } from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsconfig = require('../../tsconfig.base.json') as { compilerOptions: { paths: Record<string, string[]> } };

register({ baseUrl: join(__dirname, '../..'), paths: tsconfig.compilerOptions.paths });
