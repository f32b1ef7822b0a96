import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { boundedRedis, readWorkerHeartbeats, WORKER_HEARTBEAT_TTL_MS } from '@duban/queues';
import { withDeadline } from '@duban/resilience';
import { TemporalClientProvider } from '@duban/temporal';

const PING_TIMEOUT_MS = 3000;
/** A worker's task-queue poll counts as alive this long (Temporal long-polls for up to a minute). */
const POLLER_FRESH_MS = 90_000;
/** temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW */
const WORKFLOW_TASK_QUEUE = 1;

/**
 * Each dependency's state for /health, each answered within 3 s: PostgreSQL,
 * Redis, Temporal, and the worker — alive when its heartbeat in Redis is fresh and
 * its Temporal worker polls (when Redis is down, Temporal's task-queue pollers tell).
 */
@Injectable()
export class DependencyHealthIndicators implements OnModuleDestroy {
  private readonly redisClient: Redis;

  constructor(
    private readonly health: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporalClient: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {
    this.redisClient = boundedRedis(config.redisUrl, 'duban-api-health');
  }

  async postgres(): Promise<HealthIndicatorResult<'postgres'>> {
    return this.probe('postgres', 'PostgreSQL', async () => {
      await this.dataSource.query('SELECT 1');
      return {};
    });
  }

  async redis(): Promise<HealthIndicatorResult<'redis'>> {
    return this.probe('redis', 'Redis', async () => {
      await this.redisClient.ping();
      return {};
    });
  }

  async temporal(): Promise<HealthIndicatorResult<'temporal'>> {
    return this.probe('temporal', 'Temporal', async () => {
      await this.temporalClient.ping();
      return {};
    });
  }

  async worker(): Promise<HealthIndicatorResult<'worker'>> {
    return this.probe('worker', 'the worker check', async () => {
      const beats = await readWorkerHeartbeats(this.redisClient, this.config.queuePrefix).catch(() => null);
      if (beats !== null) {
        const live = beats.filter((beat) => beat.temporal === 'RUNNING' && Date.now() - Date.parse(beat.at) < WORKER_HEARTBEAT_TTL_MS);
        if (live.length === 0) {
          const stalled = beats.map((beat) => `${beat.id} (${beat.temporal})`);
          throw new Error(stalled.length ? `no worker polls Temporal: ${stalled.join(', ')}` : `no worker heartbeat in the last ${WORKER_HEARTBEAT_TTL_MS / 1000} s`);
        }
        return { source: 'heartbeat', workers: live.map((beat) => beat.id) };
      }
      // Redis is down: ask Temporal who polls the task queue.
      const pollers = await this.recentPollers();
      if (pollers.length === 0) throw new Error(`no worker has polled task queue "${this.config.temporalTaskQueue}" in the last ${POLLER_FRESH_MS / 1000} s`);
      return { source: 'temporal-pollers', workers: pollers };
    });
  }

  private async recentPollers(): Promise<string[]> {
    const client = await this.temporalClient.client();
    const response = await client.workflowService.describeTaskQueue({
      namespace: this.config.temporalNamespace,
      taskQueue: { name: this.config.temporalTaskQueue },
      taskQueueType: WORKFLOW_TASK_QUEUE,
    });
    const now = Date.now();
    return (response.pollers ?? [])
      .filter((poller) => poller.lastAccessTime?.seconds && now - Number(poller.lastAccessTime.seconds) * 1000 < POLLER_FRESH_MS)
      .map((poller) => poller.identity ?? 'unknown');
  }

  private async probe<K extends string>(key: K, what: string, check: () => Promise<Record<string, unknown>>): Promise<HealthIndicatorResult<K>> {
    const session = this.health.check(key);
    const started = Date.now();
    try {
      const details = await withDeadline(check(), PING_TIMEOUT_MS, what);
      return session.up({ latencyMs: Date.now() - started, ...details });
    } catch (error) {
      return session.down({ message: (error as Error).message, latencyMs: Date.now() - started });
    }
  }

  onModuleDestroy(): void {
    this.redisClient.disconnect();
  }
}
