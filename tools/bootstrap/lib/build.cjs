// Compiles the TypeScript sources to dist/ with swc: fast (no type check; `npm
// run typecheck` and the test run do that), decorator metadata for Nest and
// TypeORM, and the @duban/* path aliases rewritten to relative imports so dist/
// runs with plain `node`. Only files newer than their output are compiled.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { root, distDir } = require('./paths.cjs');
const { buildWeb } = require('./build-web.cjs');

const SOURCE_DIRS = ['apps', 'libs', 'workflows', 'activities'];
/** Built by Vite for the browser (build-web.cjs), not by swc for Node. */
const BROWSER_DIRS = [path.join(root, 'apps', 'web')];
const SKIP = /(\.spec\.ts|\.integration-spec\.ts|\.d\.ts)$/;

function swcOptions() {
  const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8'));
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
    module: { type: 'commonjs', strictMode: true },
    sourceMaps: true,
  };
}

function* sourceFiles(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !BROWSER_DIRS.includes(full)) yield* sourceFiles(full);
    } else if (entry.name.endsWith('.ts') && !SKIP.test(entry.name)) {
      yield full;
    }
  }
}

/** Returns the number of server files compiled; the web console is built too (when changed) unless `web` is false. */
function build({ web = true } = {}) {
  const swc = require('@swc/core');
  const options = swcOptions();
  let compiled = 0;
  for (const dir of SOURCE_DIRS) {
    for (const file of sourceFiles(path.join(root, dir))) {
      const out = path.join(distDir, path.relative(root, file)).replace(/\.ts$/, '.js');
      const outStat = fs.statSync(out, { throwIfNoEntry: false });
      if (outStat && outStat.mtimeMs >= fs.statSync(file).mtimeMs) continue;
      const result = swc.transformFileSync(file, { ...options, filename: file, outputPath: out });
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, `${result.code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      if (result.map) fs.writeFileSync(`${out}.map`, result.map);
      compiled += 1;
    }
  }
  if (web) buildWeb();
  return compiled;
}

module.exports = { build, swcOptions };
