/**
 * PostgreSQL, Redis and Temporal instances of a fault test's or the chaos run's
 * own, on free ports, in temporary folders: they may be stopped, killed and
 * restarted without touching the machine's shared servers (other engineers'
 * runs depend on those).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort, waitForPort } = require('../bootstrap/lib/wait-for-port.cjs') as {
  freePort(): Promise<number>;
  waitForPort(host: string, port: number, options?: { timeoutMs?: number }): Promise<boolean>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('../bootstrap/lib/temporal-dev-server.cjs') as {
  startTemporalDevServer(options: { binary: string; port: number; logFile?: string; readyTimeoutMs?: number }): Promise<{ address: string; pid: number; stop(): Promise<void> }>;
};

/** A free TCP port on the loopback interface. */
export function freeLoopbackPort(): Promise<number> {
  return freePort();
}

/** A server process we can stop and start again on the same port and data. */
export interface PrivateServer {
  readonly port: number;
  /** Connection URL (postgres://…/postgres, redis://…) or host:port (Temporal). */
  readonly url: string;
  readonly running: boolean;
  /** Graceful stop (PostgreSQL: fast shutdown; Redis: no save). Resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL, as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port (and, for PostgreSQL, the same data). */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  destroy(): Promise<void>;
}

function postgresBin(name: string): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort().reverse() : [];
  for (const version of versions) {
    const candidate = join('/usr/lib/postgresql', version, 'bin', name);
    if (existsSync(candidate)) return candidate;
  }
  return name;
}

/** PostgreSQL refuses to run as root: as root, its commands run as the postgres user (setpriv execs, so the pid is the server's). */
function asPostgres(command: string, args: string[]): [string, string[]] {
  if (process.getuid?.() !== 0) return [command, args];
  return ['setpriv', ['--reuid=postgres', '--regid=postgres', '--init-groups', '--', command, ...args]];
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

function managed(options: { port: number; url: string; spawnServer: () => ChildProcess; ready: () => Promise<void>; stopSignal: NodeJS.Signals; cleanup: () => void }): PrivateServer {
  let child: ChildProcess | null = null;
  const server: PrivateServer = {
    port: options.port,
    url: options.url,
    get running() {
      return child !== null;
    },
    async start() {
      if (child) return;
      const started = options.spawnServer();
      child = started;
      started.once('exit', () => {
        if (child === started) child = null;
      });
      await options.ready();
    },
    async stop() {
      const current = child;
      if (!current) return;
      current.kill(options.stopSignal);
      await exited(current);
    },
    async kill() {
      const current = child;
      if (!current) return;
      current.kill('SIGKILL');
      await exited(current);
    },
    async destroy() {
      await server.stop();
      options.cleanup();
    },
  };
  return server;
}

/** A PostgreSQL cluster of our own (trust auth, fsync off): initdb into a temp folder, then `postgres -p <free port>`. */
export async function startPrivatePostgres(): Promise<PrivateServer> {
  const port: number = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'duban-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim()), Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim()));
  const data = join(dir, 'data');
  const [initCommand, initArgs] = asPostgres(postgresBin('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const init = spawnSync(initCommand, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const log = join(dir, 'postgres.log');
  const server = managed({
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stopSignal: 'SIGINT', // fast shutdown: open connections are cut, as in a restart
    spawnServer: () => {
      const [command, args] = asPostgres(postgresBin('postgres'), [
        '-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
        '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200',
      ]);
      const output = openSync(log, 'a');
      return spawn(command, args, { stdio: ['ignore', output, output] });
    },
    ready: async () => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (spawnSync(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres']).status === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`private PostgreSQL did not start on port ${port}; see ${log}`);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  });
  await server.start();
  return server;
}

/** A Redis of our own, without persistence: a restart loses every key (queues, job schedulers), as after a crash. */
export async function startPrivateRedis(): Promise<PrivateServer> {
  const port: number = await freePort();
  const server = managed({
    port,
    url: `redis://127.0.0.1:${port}`,
    stopSignal: 'SIGTERM',
    spawnServer: () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'warning'], { stdio: 'ignore' }),
    ready: async () => {
      if (!(await waitForPort('127.0.0.1', port, { timeoutMs: 30_000 }))) throw new Error(`private Redis did not start on port ${port}`);
    },
    cleanup: () => undefined,
  });
  await server.start();
  return server;
}

/** A Temporal dev server of our own, in memory: stopping it loses every workflow (as a lost data folder does). */
export async function startPrivateTemporal(binary: string): Promise<{ address: string; stop(): Promise<void> }> {
  return startTemporalDevServer({ binary, port: await freePort(), readyTimeoutMs: 180_000 });
}
