import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { assignmentEventsChannel } from '@duban/queues';

/**
 * This API instance's subscription to the "events committed" channel (Redis
 * pub/sub): whichever worker wrote the events, every instance's live streams
 * read them at once. Subscribed lazily, on the first open stream.
 */
@Injectable()
export class EventWakeups implements OnModuleDestroy {
  private readonly logger = new Logger(EventWakeups.name);
  private readonly listeners = new Set<() => void>();
  private subscriber: Redis | undefined;
  private subscribed = false;

  constructor(@Inject(DUBAN_CONFIG) private readonly config: DubanConfig) {}

  /** Whether signals are arriving now (streams then poll rarely, as a safety net). */
  get live(): boolean {
    return this.subscribed;
  }

  /** Calls `listener` whenever events were committed anywhere; returns the unsubscribe. */
  listen(listener: () => void): () => void {
    this.connect();
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async onModuleDestroy(): Promise<void> {
    this.listeners.clear();
    if (this.subscriber) await this.subscriber.quit().catch(() => undefined);
  }

  private connect(): void {
    if (this.subscriber) return;
    const channel = assignmentEventsChannel(this.config.queuePrefix);
    const subscriber = new Redis(this.config.redisUrl, { connectionName: 'duban-api-event-wakeups', connectTimeout: 2000, retryStrategy: (times) => Math.min(times * 200, 2000) });
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    // ioredis subscribes again by itself after a reconnect; until then streams poll every second.
    subscriber.on('close', () => (this.subscribed = false));
    subscriber.on('message', () => {
      for (const listener of this.listeners) listener();
    });
    const subscribe = () => {
      subscriber.subscribe(channel).then(
        () => (this.subscribed = true),
        (error: unknown) => this.logger.warn(`event signals unavailable, streams poll every second: ${String(error)}`),
      );
    };
    subscriber.on('ready', subscribe);
  }
}
