// Keeps a child process running: `npm start`'s worker and API come back by
// themselves after a crash (SIGKILL, an uncaught error, a dependency that made them
// exit), with exponential backoff; only repeated crashes in a short time give up.
'use strict';
const { spawn } = require('node:child_process');

const DEFAULTS = {
  /** First restart delay; doubles per consecutive crash up to maxDelayMs. */
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  /** A child that ran this long counts as healthy again: the next crash restarts at once-ish. */
  stableAfterMs: 60_000,
  /** This many crashes within windowMs and the supervisor gives up. */
  maxCrashes: 5,
  windowMs: 5 * 60_000,
};

/**
 * @param {{ name: string, command: string, args: string[], spawnOptions?: object, log: (message: string) => void,
 *           onGiveUp: (name: string) => void } & Partial<typeof DEFAULTS>} options
 * @returns {{ readonly child: import('node:child_process').ChildProcess | null, readonly restarts: number, stop(signal?: string, forceAfterMs?: number): Promise<void> }}
 */
function supervise(options) {
  const settings = { ...DEFAULTS, ...options };
  const { name, command, args, spawnOptions = {}, log, onGiveUp } = settings;
  let child = null;
  let stopping = false;
  let restarts = 0;
  let consecutive = 0;
  let crashes = [];
  let timer = null;

  function start() {
    const startedAt = Date.now();
    const current = spawn(command, args, spawnOptions);
    child = current;
    current.on('exit', (code, signal) => {
      if (child === current) child = null;
      if (stopping) return;
      const now = Date.now();
      if (now - startedAt >= settings.stableAfterMs) consecutive = 0;
      crashes = crashes.filter((at) => now - at < settings.windowMs).concat(now);
      if (crashes.length >= settings.maxCrashes) {
        log(`${name} exited (${code ?? signal}) ${crashes.length} times within ${Math.round(settings.windowMs / 1000)} s; giving up`);
        onGiveUp(name);
        return;
      }
      const delay = Math.min(settings.initialDelayMs * 2 ** consecutive, settings.maxDelayMs);
      consecutive += 1;
      log(`${name} exited unexpectedly (${code ?? signal}); restarting in ${(delay / 1000).toFixed(1)} s`);
      timer = setTimeout(() => {
        timer = null;
        if (stopping) return;
        restarts += 1;
        start();
        log(`${name} restarted (pid ${child?.pid}, restart ${restarts})`);
      }, delay);
    });
  }

  start();
  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    /** Stops the child (and any pending restart); SIGKILL after forceAfterMs. */
    stop(signal = 'SIGTERM', forceAfterMs = 30_000) {
      stopping = true;
      if (timer) clearTimeout(timer);
      const current = child;
      if (!current) return Promise.resolve();
      return new Promise((resolve) => {
        const force = setTimeout(() => current.kill('SIGKILL'), forceAfterMs);
        current.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        current.kill(signal);
      });
    },
  };
}

module.exports = { supervise, SUPERVISOR_DEFAULTS: DEFAULTS };
