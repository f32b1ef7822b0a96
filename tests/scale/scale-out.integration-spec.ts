import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { assignmentEventsChannel } from '@duban/queues';
import { bearer, createTestUser, login, postJson, signIn } from '../api-auth/auth-helpers';
import { eventually, openDatabase, startApi, startWorker, useTestEnvironment } from '../support/duban-harness';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import type { TestRun } from '../support/test-run';

/** Units of this file's own, so counts and streams are not shared with other test files. */
const UNIT_PREFIX = '扩容测试第';
const UNIT = `${UNIT_PREFIX}1局`;

/** An SSE client: everything received so far, and a way to wait for a line. */
async function openStream(baseUrl: string, accessToken: string) {
  const response = await fetch(`${baseUrl}/api/v1/events/stream`, { headers: bearer(accessToken) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let received = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      received += new TextDecoder().decode(value);
    }
  })();
  await eventually('the stream to be ready', async () => (received.includes('event: ready') ? true : undefined), 30_000);
  return {
    text: () => received,
    async close() {
      await reader.cancel().catch(() => undefined);
      await reading;
    },
  };
}

/**
 * Two API instances (one process here, as two would be behind a load balancer)
 * and one worker against one PostgreSQL, Redis and Temporal: live events reach
 * clients of either instance through Redis, and sign-in throttling and lock-out
 * count across both.
 */
describe('two API instances behind one load balancer', () => {
  const saved = { ...process.env };
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let apiA: Awaited<ReturnType<typeof startApi>>;
  let apiB: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let staffToken: string;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    run = useTestEnvironment('scale-out');
    // Instances of one deployment share the signing key (a per-process key would make each refuse the other's tokens).
    process.env.JWT_SECRET = randomBytes(32).toString('hex');
    // Behind a load balancer: the client address comes from X-Forwarded-For (each test below is its own client).
    process.env.TRUST_PROXY = 'loopback';
    process.env.LOGIN_RATE_LIMIT = '6';
    process.env.LOGIN_MAX_ATTEMPTS = '3';
    worker = await startWorker(run);
    apiA = await startApi();
    apiB = await startApi();
    db = await openDatabase(run);
    await seedDemoUsers(db);
    const staff = `staff-scale-${randomUUID().slice(0, 6)}`;
    await createTestUser(db, { username: staff, displayName: '扩容测试经办人', role: 'unit_staff', unitIds: [UNIT], password: 'staff-password-1' });
    // Signed in on A, used on B: one key for the deployment.
    staffToken = (await signIn(apiA.baseUrl, staff, 'staff-password-1')).accessToken;
    adminHeaders = bearer((await signIn(apiB.baseUrl, 'admin', 'admin123')).accessToken);
  });

  afterAll(async () => {
    await apiA?.stop();
    await apiB?.stop();
    await worker?.stop();
    await db?.destroy();
    process.env = saved;
  });

  it('streams an event committed through instance A to a client of instance B, signalled through Redis', async () => {
    const planId = await insertSyntheticPlan(db, 1, 2, {}, UNIT_PREFIX);
    const published = await postJson(apiA.baseUrl, `/api/v1/plans/${planId}/publish`, {}, adminHeaders);
    expect(published.status).toBe(202);
    const [{ id }] = await eventually(
      'the assignment workflows to start',
      async () => {
        const rows = (await db.query('SELECT id FROM assignments WHERE plan_id = $1 AND unit_name = $2 AND workflow_started', [planId, UNIT])) as { id: string }[];
        return rows.length === 1 ? rows : undefined;
      },
      120_000,
    );

    const signals = new Redis(run.redisUrl);
    const heard: string[] = [];
    await signals.subscribe(assignmentEventsChannel(run.queuePrefix));
    signals.on('message', (_channel, message: string) => heard.push(message));
    const onB = await openStream(apiB.baseUrl, staffToken);
    const onA = await openStream(apiA.baseUrl, staffToken);
    try {
      const accepted = await postJson(apiA.baseUrl, `/api/v1/assignments/${id}/actions/accept`, {}, bearer(staffToken));
      expect(accepted.status).toBe(200);
      await eventually('the accept event on instance B', async () => (onB.text().includes(`"assignmentId":"${id}"`) && onB.text().includes('event: assignment.accepted') ? true : undefined), 60_000);
      await eventually('the accept event on instance A', async () => (onA.text().includes(`"assignmentId":"${id}"`) ? true : undefined), 60_000);
      // The worker said so through Redis (rather than the streams finding it at their safety poll).
      expect(heard.some((message) => (JSON.parse(message) as { assignmentIds: string[] }).assignmentIds.includes(id))).toBe(true);
    } finally {
      await onA.close();
      await onB.close();
      await signals.quit();
    }
  });

  it('wakes the streams of every instance at a signal, well before their safety poll', async () => {
    const planId = await insertSyntheticPlan(db, 1, 1, {}, UNIT_PREFIX);
    const [{ id }] = (await db.query(
      `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, status, light, start_date, original_due_date, due_date, due_at, state, version, workflow_started)
       VALUES (gen_random_uuid(), $1, $1, $2, 'task', 1, '信号测试', $3, 'lead', 'in_progress', 'green', CURRENT_DATE, CURRENT_DATE + 30, CURRENT_DATE + 30, now() + interval '30 days', '{}', 1, true) RETURNING id`,
      [`scale-signal-${randomUUID()}`, planId, UNIT],
    )) as { id: string }[];
    const onA = await openStream(apiA.baseUrl, staffToken);
    const onB = await openStream(apiB.baseUrl, staffToken);
    const publisher = new Redis(run.redisUrl);
    try {
      // Past the streams' first read, so only a signal or the 10-second safety poll can find what follows.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const committedAt = Date.now();
      await db.query(`INSERT INTO assignment_events (assignment_id, plan_id, seq, type, actor, payload, occurred_at) VALUES ($1, $2, 1, 'progress_reported', '{}', '{"percent":5}', now())`, [id, planId]);
      await publisher.publish(assignmentEventsChannel(run.queuePrefix), JSON.stringify({ assignmentIds: [id] }));
      await eventually('the event on both instances', async () => (onA.text().includes(`"assignmentId":"${id}"`) && onB.text().includes(`"assignmentId":"${id}"`) ? true : undefined), 30_000);
      // The safety poll would come about 8.5 s after the insert; a signal brings it at the next read.
      expect(Date.now() - committedAt).toBeLessThan(7000);
    } finally {
      await onA.close();
      await onB.close();
      await publisher.quit();
    }
  });

  it('counts sign-in attempts from one client on both instances (throttle through Redis)', async () => {
    const client = { 'x-forwarded-for': `203.0.113.${10 + Math.floor(Math.random() * 200)}` };
    const statuses: number[] = [];
    // LOGIN_RATE_LIMIT = 6 per minute per client address, alternating instances.
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const base = attempt % 2 === 0 ? apiA.baseUrl : apiB.baseUrl;
      statuses.push((await postJson(base, '/api/v1/auth/login', { username: `nobody-${randomUUID().slice(0, 6)}`, password: 'wrong-password-1' }, client)).status);
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual([429, 429]);
    // Another client is not affected.
    const other = await postJson(apiB.baseUrl, '/api/v1/auth/login', { username: 'nobody', password: 'wrong-password-1' }, { 'x-forwarded-for': '198.51.100.7' });
    expect(other.status).toBe(401);
  });

  it('locks an account out on instance B after failures on instance A', async () => {
    const username = `lock-scale-${randomUUID().slice(0, 6)}`;
    await createTestUser(db, { username, displayName: '锁定测试', role: 'supervisor', unitIds: [], password: 'right-password-1' });
    const client = { 'x-forwarded-for': '192.0.2.44' };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await postJson(apiA.baseUrl, '/api/v1/auth/login', { username, password: 'wrong-password-1' }, client)).status).toBe(401);
    }
    const locked = await postJson(apiB.baseUrl, '/api/v1/auth/login', { username, password: 'right-password-1' }, client);
    expect(locked.status).toBe(429);
    expect(await locked.json()).toMatchObject({ statusCode: 429, error: 'account_locked' });
    // Not a client-wide block: the same account from another address still signs in.
    expect((await login(apiB.baseUrl, username, 'right-password-1')).status).toBe(200);
  });
});
