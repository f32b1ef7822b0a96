export * from './queue-names';
export * from './redis-connection';
export * from './notification-queue.producer';
export * from './queues.module';
export * from './bounded-redis';
export * from './worker-heartbeat';
export * from './assignment-event-signal';
