import { hostname } from 'node:os';
import type Redis from 'ioredis';

/** A worker writes its heartbeat this often… */
export const WORKER_HEARTBEAT_EVERY_MS = 5_000;
/** …and is taken for dead (crashed, killed or frozen) when none came for this long. */
export const WORKER_HEARTBEAT_TTL_MS = 15_000;

/** What a worker says about itself. */
export interface WorkerBeat {
  readonly id: string;
  readonly host: string;
  readonly pid: number;
  readonly startedAt: string;
  readonly at: string;
  /** The Temporal worker's state (RUNNING when it polls its task queue). */
  readonly temporal: string;
}

export function workerId(): string {
  return `${hostname()}:${process.pid}`;
}

/** Written under `<prefix>:workers:<host:pid>` with a TTL: a dead worker's key disappears by itself. */
export async function writeWorkerHeartbeat(redis: Redis, prefix: string, beat: WorkerBeat): Promise<void> {
  await redis.set(`${prefix}:workers:${beat.id}`, JSON.stringify(beat), 'PX', WORKER_HEARTBEAT_TTL_MS);
}

/** The live workers' latest heartbeats. */
export async function readWorkerHeartbeats(redis: Redis, prefix: string): Promise<WorkerBeat[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:workers:*`, 'COUNT', 100);
    keys.push(...found);
    cursor = next;
  } while (cursor !== '0' && keys.length < 1000);
  if (keys.length === 0) return [];
  const values = await redis.mget(...keys);
  return values.flatMap((value) => (value ? [JSON.parse(value) as WorkerBeat] : []));
}
