import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './test-run';

/**
 * The real worker as a child process (dist/apps/worker, built by `npm test`'s
 * bootstrap), so a test can SIGKILL it like a crash would.
 */
export function spawnWorkerProcess(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/apps/worker/src/main.js')], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited };
}
