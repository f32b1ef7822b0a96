import './register-path-aliases';
import { rmSync } from 'node:fs';
import Redis from 'ioredis';
import { dropDatabase } from '@duban/persistence';
import { join } from 'node:path';
import { readTestRun, REPO_ROOT } from './test-run';

/** Stops the run's Temporal server and removes its database, Redis keys and bundle: two runs in a row start clean. */
export default async function globalTeardown(): Promise<void> {
  const run = readTestRun();
  const server = (globalThis as { __dubanTemporal?: { stop(): Promise<void> } }).__dubanTemporal;
  await server?.stop();
  await dropDatabase(run.databaseUrl);
  const redis = new Redis(run.redisUrl, { lazyConnect: true });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${run.queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  rmSync(run.workflowBundlePath, { force: true });
  rmSync(process.env.DUBAN_TEST_RUN_FILE!, { force: true });
  // The server's log is kept only when a run dies before its teardown.
  rmSync(join(REPO_ROOT, 'tmp', `temporal-test-${run.id}.log`), { force: true });
}
