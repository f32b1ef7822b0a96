// Runs a child process with its output passed through, resolving with its exit code.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

function runCommand(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/**
 * Runs a child process with its output written to `logFile` instead of the
 * terminal; every `heartbeatMs` it says it is still running. Resolves with the exit code.
 */
function runLogged(command, args, logFile, { heartbeat = () => undefined, heartbeatMs = 30_000, ...options } = {}) {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => heartbeat(Math.round((Date.now() - started) / 1000)), heartbeatMs);
    const child = spawn(command, args, { ...options, stdio: ['ignore', log, log] });
    const done = () => {
      clearInterval(timer);
      fs.closeSync(log);
    };
    child.on('error', (error) => {
      done();
      reject(error);
    });
    child.on('exit', (code, signal) => {
      done();
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** The last `lines` lines of a file ('' when it cannot be read). */
function tail(file, lines = 20) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

module.exports = { runCommand, runLogged, tail };
