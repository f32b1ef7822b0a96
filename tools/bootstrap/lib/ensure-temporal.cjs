// Finds or builds the Temporal CLI (which embeds the dev server). No binary is
// downloadable here, so it is compiled once from the Go module proxy into
// .tools/bin and reused afterwards. TEMPORAL_CLI_PATH overrides the search.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { toolsBin } = require('./paths.cjs');
const { runCommand } = require('./run-command.cjs');
const { step, fail } = require('./log.cjs');

const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function findGo() {
  for (const dir of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/local/go/bin']) {
    if (dir && isExecutable(path.join(dir, 'go'))) return path.join(dir, 'go');
  }
  return null;
}

async function ensureTemporal({ quiet = false } = {}) {
  const override = process.env.TEMPORAL_CLI_PATH;
  if (override) {
    if (!isExecutable(override)) fail(`TEMPORAL_CLI_PATH points at "${override}", which is not an executable file`);
    if (!quiet) step(`Temporal CLI: ${override} (TEMPORAL_CLI_PATH)`);
    return override;
  }
  const binary = path.join(toolsBin, 'temporal');
  if (isExecutable(binary)) {
    if (!quiet) step(`Temporal CLI: ${path.relative(process.cwd(), binary)} (already built)`);
    return binary;
  }
  const go = findGo();
  if (!go) {
    fail(
      'The Temporal dev server must be built from source and no Go toolchain was found ' +
        '(looked on PATH and in /usr/local/go/bin). Install Go >= 1.23, or set TEMPORAL_CLI_PATH to a temporal binary.',
    );
  }
  step(`Building the Temporal CLI once with ${go} (go install ${TEMPORAL_CLI_MODULE}); this takes several minutes…`);
  fs.mkdirSync(toolsBin, { recursive: true });
  const ticker = setInterval(() => step('…still compiling the Temporal CLI'), 30_000);
  try {
    const code = await runCommand(go, ['install', TEMPORAL_CLI_MODULE], {
      env: { ...process.env, GOBIN: toolsBin, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
    });
    if (code !== 0 || !isExecutable(binary)) fail(`go install ${TEMPORAL_CLI_MODULE} failed (exit code ${code})`);
  } finally {
    clearInterval(ticker);
  }
  step(`Temporal CLI built: ${binary}`);
  return binary;
}

module.exports = { ensureTemporal, TEMPORAL_CLI_MODULE };
