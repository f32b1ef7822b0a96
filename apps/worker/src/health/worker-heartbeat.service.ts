import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { writeFileSync } from 'node:fs';
import type Redis from 'ioredis';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { boundedRedis, WORKER_HEARTBEAT_EVERY_MS, workerId, writeWorkerHeartbeat } from '@duban/queues';

/**
 * The worker says it is alive every 5 s, in Redis (the API's /health reads it) and
 * in a file (docker's health check reads it), and only while its Temporal worker
 * polls. A crashed, killed or frozen worker stops beating, and /health says so.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHeartbeat');
  private readonly id = workerId();
  private readonly startedAt = new Date().toISOString();
  private redis: Redis | undefined;
  private timer: NodeJS.Timeout | undefined;
  private temporalState: () => string = () => 'STARTING';
  private failing = false;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  /** Reports the Temporal worker's state from now on (set by main once it is created). */
  watch(state: () => string): void {
    this.temporalState = state;
    // Right after the caller starts the worker (run() sets RUNNING synchronously).
    setTimeout(() => void this.beat(), 0).unref();
  }

  onApplicationBootstrap(): void {
    this.redis = boundedRedis(this.config.redisUrl, 'duban-worker-heartbeat');
    this.timer = setInterval(() => void this.beat(), WORKER_HEARTBEAT_EVERY_MS);
    this.timer.unref();
    void this.beat();
  }

  async beat(): Promise<void> {
    const temporal = this.temporalState();
    const beat = { id: this.id, host: this.id.split(':')[0]!, pid: process.pid, startedAt: this.startedAt, at: new Date().toISOString(), temporal };
    if (temporal === 'RUNNING') {
      try {
        // The file a container health check reads (its modification time is the last heartbeat).
        writeFileSync(this.config.workerHeartbeatFile, JSON.stringify(beat));
      } catch {
        // A read-only file system: the Redis heartbeat still tells.
      }
    }
    try {
      await writeWorkerHeartbeat(this.redis!, this.config.queuePrefix, beat);
      if (this.failing) this.logger.log('heartbeat written to Redis again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`cannot write the heartbeat to Redis: ${String(error)}`);
      this.failing = true;
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
    this.redis?.disconnect();
  }
}
