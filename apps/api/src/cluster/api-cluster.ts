import cluster, { type Worker } from 'node:cluster';
import { loadAccountsConfig } from '@duban/accounts';
import { answerMetricsRequests } from './cluster-metrics';

/** Restarts allowed in a minute before the primary gives up and exits (its own supervisor restarts it, or an operator looks). */
const MAX_RESTARTS_PER_MINUTE = 5;
/** How long a process may take to finish its requests and close its pools on shutdown. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * The primary of an API cluster (API_PROCESSES > 1): it serves nothing itself; it starts `processes` API processes
 * that share the port (node's cluster hands each connection to one of them), restarts one that dies, answers
 * their /metrics with the sum of all of them, and stops them all on SIGTERM/SIGINT. Only the first process ever
 * started seeds the local demo (DUBAN_SEED_ON_START), so a restarted one does not seed again.
 */
export function runApiCluster(processes: number, log: (message: string) => void): void {
  // Without JWT_SECRET (refused in production) each process would sign with a random key of its own and refuse the
  // others' tokens: the cluster's processes share one random key instead (sign-ins still end when the API restarts).
  const accounts = loadAccountsConfig();
  const sharedKey = accounts.jwtSecretGenerated ? { JWT_SECRET: accounts.jwtSecret } : {};
  if (accounts.jwtSecretGenerated) log('JWT_SECRET is not set: the API processes share a random key (sign-ins end when the API restarts). Set JWT_SECRET for anything but local development.');
  let stopping = false;
  const restarts: number[] = [];
  const start = (index: number, seed: boolean): void => {
    const worker = cluster.fork({ ...sharedKey, ...(seed ? {} : { DUBAN_SEED_ON_START: 'false' }) });
    worker.once('listening', (address) => log(`API process ${index} listening on port ${address.port} (pid ${worker.process.pid})`));
    worker.on('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        log(`API process ${index} exited (${signal ?? code}); ${restarts.length} exits within a minute, giving up`);
        void stop(1);
        return;
      }
      log(`API process ${index} exited (${signal ?? code}); starting it again`);
      setTimeout(() => stopping || start(index, false), 1000);
    });
  };

  const stop = async (exitCode: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined && !worker.isDead());
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => (worker.kill('SIGKILL'), resolve()), STOP_TIMEOUT_MS);
            worker.once('exit', () => (clearTimeout(timer), resolve()));
            // SIGTERM: each process runs Nest's shutdown hooks (in-flight requests, audit writes, pools).
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(exitCode);
  };

  answerMetricsRequests();
  for (let index = 0; index < processes; index += 1) start(index, index === 0);
  log(`API cluster: ${processes} processes on one port (primary ${process.pid})`);
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
}
