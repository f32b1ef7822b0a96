import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { NotificationQueueProducer } from '@duban/queues';
import { TemporalClientProvider } from '@duban/temporal';

const PING_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS).unref()),
  ]);
}

/** Redis and Temporal reachability for /health (Postgres uses Terminus's TypeORM indicator). */
@Injectable()
export class DependencyHealthIndicators {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly queues: NotificationQueueProducer,
    private readonly temporalClient: TemporalClientProvider,
  ) {}

  async redis(): Promise<HealthIndicatorResult<'redis'>> {
    const session = this.health.check('redis');
    try {
      await withTimeout(this.queues.ping(), 'Redis');
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  async temporal(): Promise<HealthIndicatorResult<'temporal'>> {
    const session = this.health.check('temporal');
    try {
      await withTimeout(this.temporalClient.ping(), 'Temporal');
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
