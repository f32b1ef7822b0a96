// Step logging for the bootstrap (on stderr, so command output on stdout stays clean): every long step says what it is doing, so a
// first run never sits silent for minutes.
'use strict';

const started = Date.now();

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`.padStart(7);
}

function step(message) {
  process.stderr.write(`[duban ${elapsed()}] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[duban] ERROR: ${message}\n`);
  process.exit(1);
}

module.exports = { step, fail };
