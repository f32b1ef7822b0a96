import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { boundedRedis } from './bounded-redis';

/** The Redis pub/sub channel that says "assignment events were committed" (under QUEUE_PREFIX). */
export function assignmentEventsChannel(queuePrefix: string): string {
  return `${queuePrefix}:assignment-events`;
}

/** What the channel carries: which assignments gained events (the events themselves stay in PostgreSQL). */
export interface AssignmentEventsSignal {
  readonly assignmentIds: readonly string[];
}

/**
 * Tells every API instance that events were committed, so their live streams
 * read them now rather than at their next fallback poll. Best effort: a lost
 * signal only delays delivery until that poll.
 */
@Injectable()
export class AssignmentEventSignal implements OnModuleDestroy {
  private readonly logger = new Logger(AssignmentEventSignal.name);
  private redis: Redis | undefined;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  async committed(assignmentIds: readonly string[]): Promise<void> {
    if (assignmentIds.length === 0) return;
    const message: AssignmentEventsSignal = { assignmentIds };
    try {
      this.redis ??= boundedRedis(this.config.redisUrl, 'duban-event-signal');
      await this.redis.publish(assignmentEventsChannel(this.config.queuePrefix), JSON.stringify(message));
    } catch (error) {
      this.logger.warn(`could not signal new assignment events (streams pick them up at their next poll): ${String(error)}`);
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) await this.redis.quit().catch(() => undefined);
  }
}
