import Redis from 'ioredis';

/** Longest a command to Redis may take before it fails (a frozen Redis must not freeze a request). */
export const REDIS_COMMAND_TIMEOUT_MS = 1500;

/**
 * An ioredis client for request paths and health checks: a command fails after
 * REDIS_COMMAND_TIMEOUT_MS at most (also one queued while reconnecting), never
 * waits for Redis to come back. It reconnects by itself; `ready` fires each time.
 * BullMQ's own connections keep retrying instead (they carry queued work).
 */
export function boundedRedis(redisUrl: string, name: string): Redis {
  const redis = new Redis(redisUrl, {
    connectionName: name,
    connectTimeout: 2000,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Failures surface on the commands; an unreachable Redis is not an unhandled error event.
  redis.on('error', () => undefined);
  return redis;
}
