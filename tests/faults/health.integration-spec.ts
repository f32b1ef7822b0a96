import { eventually, startApi, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startPrivateRedis } from '../support/private-services';

interface HealthBody {
  status: string;
  message: string;
  info?: Record<string, { status: string }>;
  error?: Record<string, { status: string; message?: string }>;
}

/** /health names what is broken, answers within seconds while it is, and is 200 again by itself when it is back. */
describe('/health during an outage', () => {
  const savedRedisUrl = process.env.REDIS_URL;

  afterAll(() => {
    process.env.REDIS_URL = savedRedisUrl;
  });

  it('answers 503 naming Redis while it is down, and 200 again once it is back', async () => {
    const run = useTestEnvironment('health-outage');
    const redis = await startPrivateRedis();
    process.env.REDIS_URL = redis.url;
    const worker = await startWorker(run);
    const api = await startApi();
    const health = async () => {
      const started = Date.now();
      const response = await fetch(`${api.baseUrl}/health`);
      return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as HealthBody, ms: Date.now() - started };
    };
    try {
      await eventually('a healthy start', async () => ((await health()).status === 200 ? true : undefined));
      await redis.stop();
      const down = await health();
      expect(down.status).toBe(503);
      expect(down.retryAfter).toBe('5');
      expect(down.ms).toBeLessThan(5000);
      expect(Object.keys(down.body.error ?? {})).toEqual(['redis']);
      expect(down.body.message).toBe('不可用：缓存与队列 Redis');
      // The rest is named too: the database, Temporal and the worker (seen through Temporal's pollers) are up.
      expect(Object.keys(down.body.info ?? {}).sort()).toEqual(['postgres', 'temporal', 'worker']);
      await redis.start();
      const back = await eventually('/health to be 200 again', async () => {
        const answer = await health();
        return answer.status === 200 ? answer : undefined;
      }, 30_000);
      expect(back.body.message).toBe('全部正常');
    } finally {
      await api.stop();
      await worker.stop();
      await redis.destroy();
    }
  }, 120_000);
});
