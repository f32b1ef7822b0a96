/**
 * The Duban worker process exactly as `npm start` and docker run it (apps/worker/src/main.ts), plus two things a
 * benchmark reads from outside: the Temporal worker's own metrics in Prometheus format on
 * 127.0.0.1:$METERED_WORKER_METRICS_PORT, and, asked over the IPC channel, this process's memory (V8 heap of the
 * main thread, external and array buffers, RSS and its peak) so the benchmark reports the worker's RSS apart from
 * its own. Started by startLocalStack(…, { workerProcess: true }), which disconnects the channel before it stops the worker.
 */
import { readFileSync } from 'node:fs';
import { DefaultLogger, Runtime } from '@temporalio/worker';

export interface MeteredWorkerMemory {
  readonly rss: number;
  /** The most this process's RSS has ever been (VmHWM). */
  readonly peakRss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** Threads of this process (main, the workflow thread, libuv's pool, the Rust core's runtime…). */
  readonly threads: number;
}

/** A field of /proc/self/status in bytes (kB there), or 0 off Linux. */
function procStatus(field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * (field === 'Threads' ? 1 : 1024) : 0;
  } catch {
    return 0;
  }
}

const metricsPort = Number(process.env.METERED_WORKER_METRICS_PORT);
if (!Number.isInteger(metricsPort) || metricsPort <= 0) throw new Error('METERED_WORKER_METRICS_PORT must be a port');
// Runtime.install at most once per process, before main.ts creates its connection.
Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${metricsPort}` } } } });

process.on('message', (message: unknown) => {
  if (message !== 'memory') return;
  const usage = process.memoryUsage();
  const memory: MeteredWorkerMemory = {
    rss: usage.rss,
    peakRss: procStatus('VmHWM'),
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    threads: procStatus('Threads'),
  };
  process.send?.({ memory });
});

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../apps/worker/src/main');
