// The steps `npm start` and `npm test` share: dependencies, compiled sources,
// the Temporal CLI, PostgreSQL and Redis up. Returns what later steps need.
'use strict';
const path = require('node:path');
const { ensureDependencies } = require('./ensure-dependencies.cjs');
const { build } = require('./build.cjs');
const { ensureTemporal } = require('./ensure-temporal.cjs');
const { ensureServices } = require('./ensure-services.cjs');
const { distDir } = require('./paths.cjs');
const { step, fail } = require('./log.cjs');

async function prepare() {
  await ensureDependencies();
  step('Compiling TypeScript sources (swc)…');
  step(`compiled ${build()} changed files to dist/`);
  const temporalBinary = await ensureTemporal();
  let config;
  try {
    config = require(path.join(distDir, 'libs/config/src/index.js')).loadConfig();
  } catch (error) {
    fail(error.message);
  }
  await ensureServices(config);
  return { config, temporalBinary };
}

module.exports = { prepare };
