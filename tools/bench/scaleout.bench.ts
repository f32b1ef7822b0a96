/**
 * Scale-out benchmark: two worker processes and two API processes against one
 * Temporal dev server (of its own), one PostgreSQL database (of its own) and one
 * Redis (a key prefix of its own). Prints how the work split and whether
 * anything was duplicated:
 *   - a plan of N assignments published through API A: the rollout's batches and
 *     the assignments' workflow tasks, by worker (from a sample of histories),
 *     and duplicates (assignment rows, workflows, events, notices);
 *   - live events: an action through API A reaches event-stream clients of both
 *     API A and API B (fan-out through Redis pub/sub);
 *   - shared state: sign-in attempts from one client alternating between the
 *     instances hit one throttle; a lock-out earned on A holds on B; an
 *     Idempotency-Key used on A replays on B.
 * Prints figures, asserts nothing.
 *
 *   npm run bench:scaleout -- --assignments 10000
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { insertUser } from '@duban/accounts';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@duban/persistence';
import { connectTemporalClient } from '@duban/temporal';
import { planRolloutWorkflowId } from '@duban/workflows';
import { insertSyntheticPlan } from '../../tests/support/synthetic-plan';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startTemporalDevServer } = require('../bootstrap/lib/temporal-dev-server.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort, waitForPort } = require('../bootstrap/lib/wait-for-port.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTemporal } = require('../bootstrap/lib/ensure-temporal.cjs');

const ROOT = join(__dirname, '../..');
const UNITS_PER_TASK = 20;
const HISTORY_SAMPLE = 200;
const PASSWORD = 'bench-password-1';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer`);
  return value;
}

/** A Duban process (worker or API) from source, as `npm start` runs them. */
function spawnApp(entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'tools/bootstrap/run.mjs'), join(ROOT, entry)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  return child;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** An SSE client that collects what it receives. */
async function stream(base: string, token: string): Promise<{ text(): string; close(): Promise<void> }> {
  const response = await fetch(`${base}/api/v1/events/stream`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`the event stream on ${base} answered ${response.status}: ${await response.text()}`);
  const reader = response.body!.getReader();
  let received = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      received += new TextDecoder().decode(value);
    }
  })();
  await until(`the stream on ${base} to be ready (received so far: ${JSON.stringify(received.slice(0, 200))})`, async () => (received.includes('event: ready') ? true : undefined), 180_000);
  return { text: () => received, close: async () => (await reader.cancel().catch(() => undefined), await reading) };
}

async function main(): Promise<void> {
  const tasks = Math.ceil(argument('assignments', 10_000) / UNITS_PER_TASK);
  const total = tasks * UNITS_PER_TASK;
  const id = randomUUID().slice(0, 8);
  const binary: string = await ensureTemporal({ quiet: true });
  const server = await startTemporalDevServer({ binary, port: await freePort(), readyTimeoutMs: 180_000 });
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/duban_scaleout_${id}`;
  const queuePrefix = `duban-scaleout-${id}`;
  const env = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: server.address as string,
    TEMPORAL_TASK_QUEUE: `scaleout-${id}`,
    QUEUE_PREFIX: queuePrefix,
    DUBAN_SEEDS_DIR: join(ROOT, 'seeds'),
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
    TRUST_PROXY: 'loopback',
    LOGIN_RATE_LIMIT: '10',
    LOGIN_MAX_ATTEMPTS: '3',
    REPAIR_EVERY_MS: '0',
  };
  console.log(`bench:scaleout: ${total} assignments, 2 workers, 2 APIs, one Temporal/PostgreSQL/Redis; load average ${loadavg()[0]!.toFixed(1)} (2 cores)`);
  await migrateDatabase(databaseUrl);
  const db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await db.initialize();
  const children: ChildProcess[] = [];
  const { client, connection } = await connectTemporalClient({ address: server.address, namespace: 'default' });
  try {
    const [portA, portB] = [await freePort(), await freePort()];
    children.push(spawnApp('apps/worker/src/main.ts', env), spawnApp('apps/worker/src/main.ts', env));
    children.push(spawnApp('apps/api/src/main.ts', { ...env, API_PORT: String(portA), API_HOST: '127.0.0.1' }));
    children.push(spawnApp('apps/api/src/main.ts', { ...env, API_PORT: String(portB), API_HOST: '127.0.0.1' }));
    const [apiA, apiB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    await waitForPort('127.0.0.1', portA, { timeoutMs: 600_000 });
    await waitForPort('127.0.0.1', portB, { timeoutMs: 600_000 });
    const workerIdentities = await until(
      'both workers polling',
      async () => {
        const queue = await client.workflowService.describeTaskQueue({ namespace: 'default', taskQueue: { name: env.TEMPORAL_TASK_QUEUE }, taskQueueType: 1 });
        const identities = [...new Set(queue.pollers.map((poller) => poller.identity ?? ''))];
        return identities.length >= 2 ? identities : undefined;
      },
      300_000,
    );
    console.log(`workers polling: ${workerIdentities.join(', ')}`);

    await insertUser(db.manager, { username: 'bench-admin', displayName: '基准管理员', role: 'admin', unitIds: [], password: PASSWORD });
    await insertUser(db.manager, { username: 'bench-staff', displayName: '基准经办', role: 'unit_staff', unitIds: ['扩容第1局'], password: PASSWORD });
    const token = async (base: string, username: string) => ((await (await post(base, '/api/v1/auth/login', { username, password: PASSWORD })).json()) as { accessToken: string }).accessToken;
    const admin = await token(apiA, 'bench-admin');
    const staff = await token(apiB, 'bench-staff');

    // 1. A rollout shared by both workers.
    const planId = await insertSyntheticPlan(db, tasks, UNITS_PER_TASK, {}, '扩容第');
    const rolloutStart = performance.now();
    const published = await post(apiA, `/api/v1/plans/${planId}/publish`, {}, { authorization: `Bearer ${admin}` });
    if (published.status !== 202) throw new Error(`publish answered ${published.status}: ${await published.text()}`);
    await until(
      'the rollout to finish',
      async () => {
        const [{ status }] = (await db.query('SELECT status FROM plans WHERE id = $1', [planId])) as { status: string }[];
        return status === 'published' ? true : undefined;
      },
      3 * 3600_000,
    );
    const rolloutSeconds = (performance.now() - rolloutStart) / 1000;
    const [rows] = (await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT key)::int AS keys, count(*) FILTER (WHERE workflow_started)::int AS started FROM assignments WHERE plan_id = $1`,
      [planId],
    )) as { rows: number; keys: number; started: number }[];
    const workflows = (await client.workflow.count(`WorkflowType = "assignmentWorkflow"`)).count;
    const [events] = (await db.query(
      `SELECT count(*)::int AS events, count(DISTINCT (assignment_id, seq))::int AS distinct_events FROM assignment_events WHERE plan_id = $1`,
      [planId],
    )) as { events: number; distinct_events: number }[];
    const [notices] = (await db.query(`SELECT count(*)::int AS n, count(DISTINCT recipient)::int AS keys FROM outbox_messages WHERE kind = 'plan.published' AND payload->>'planId' = $1`, [planId])) as { n: number; keys: number }[];
    console.log(`rollout: ${rows!.rows} rows (${rows!.keys} distinct), ${rows!.started} marked started, ${workflows} assignment workflows in Temporal, in ${rolloutSeconds.toFixed(0)} s (${(total / rolloutSeconds).toFixed(0)}/s)`);
    console.log(`  duplicates: rows ${rows!.rows - rows!.keys}, workflows ${workflows - total}, events ${events!.events - events!.distinct_events}, publish notices ${notices!.n - notices!.keys} (of ${notices!.n})`);

    // Who did the work: the rollout's activities, and a sample of assignment workflows' tasks.
    const split = new Map<string, { rolloutActivities: number; workflowTasks: number }>();
    const count = (identity: string, field: 'rolloutActivities' | 'workflowTasks') => {
      const entry = split.get(identity) ?? { rolloutActivities: 0, workflowTasks: 0 };
      entry[field] += 1;
      split.set(identity, entry);
    };
    const rolloutWorkflowId = planRolloutWorkflowId(planId);
    const rolloutHistory = await client.workflow.getHandle(rolloutWorkflowId).fetchHistory().catch(() => null);
    for (const event of rolloutHistory?.events ?? []) if (event.activityTaskStartedEventAttributes?.identity) count(event.activityTaskStartedEventAttributes.identity, 'rolloutActivities');
    const sample = (await db.query(`SELECT workflow_id FROM assignments WHERE plan_id = $1 ORDER BY random() LIMIT ${HISTORY_SAMPLE}`, [planId])) as { workflow_id: string }[];
    // The rollout ends when every workflow is started; on a loaded machine their first workflow tasks lag behind,
    // so each sampled history is read once it holds a completed workflow task (else it would count nothing).
    let unfinished = 0;
    for (const { workflow_id: workflowId } of sample) {
      const history = await until(
        `the first workflow task of ${workflowId}`,
        async () => {
          const fetched = await client.workflow.getHandle(workflowId).fetchHistory();
          return fetched.events?.some((event) => event.workflowTaskCompletedEventAttributes) ? fetched : undefined;
        },
        120_000,
      ).catch(() => (unfinished += 1, null));
      for (const event of history?.events ?? []) if (event.workflowTaskStartedEventAttributes?.identity) count(event.workflowTaskStartedEventAttributes.identity, 'workflowTasks');
    }
    if (unfinished > 0) console.log(`  (${unfinished} sampled assignments had not completed a workflow task within 2 minutes: not counted)`);
    if (!rolloutHistory) console.log(`  (the rollout workflow ${rolloutWorkflowId} was not found: its activities are not counted)`);
    for (const [identity, figures] of split) console.log(`  worker ${identity}: ${figures.rolloutActivities} rollout activities, ${figures.workflowTasks} workflow tasks of ${sample.length} sampled assignments`);

    // 2. Live events across instances.
    const onA = await stream(apiA, staff);
    const onB = await stream(apiB, staff);
    const [{ id: assignmentId }] = (await db.query(`SELECT id FROM assignments WHERE plan_id = $1 AND unit_name = '扩容第1局' ORDER BY key LIMIT 1`, [planId])) as { id: string }[];
    const actedAt = performance.now();
    const accepted = await post(apiA, `/api/v1/assignments/${assignmentId}/actions/accept`, {}, { authorization: `Bearer ${staff}`, 'idempotency-key': `scaleout-${id}` });
    const seen = async (on: { text(): string }) => {
      await until('the accept event', async () => (on.text().includes(`"assignmentId":"${assignmentId}"`) ? true : undefined), 120_000);
      return ((performance.now() - actedAt) / 1000).toFixed(1);
    };
    const [secondsA, secondsB] = await Promise.all([seen(onA), seen(onB)]);
    console.log(`events: accept through API A (${accepted.status}) reached a stream on API A after ${secondsA} s and on API B after ${secondsB} s (safety poll: 10 s)`);
    await onA.close();
    await onB.close();

    // 3. Shared state.
    const replay = await post(apiB, `/api/v1/assignments/${assignmentId}/actions/accept`, {}, { authorization: `Bearer ${staff}`, 'idempotency-key': `scaleout-${id}` });
    console.log(`idempotency: the same key on API B answered ${replay.status}, Idempotent-Replayed: ${replay.headers.get('idempotent-replayed')}`);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt += 1) {
      statuses.push((await post(attempt % 2 ? apiB : apiA, '/api/v1/auth/login', { username: `nobody-${attempt}`, password: 'wrong-password-1' }, { 'x-forwarded-for': '203.0.113.9' })).status);
    }
    console.log(`throttle (10 per minute per client), attempts alternating A/B: ${statuses.join(' ')}`);
    for (let attempt = 0; attempt < 3; attempt += 1) await post(apiA, '/api/v1/auth/login', { username: 'bench-admin', password: 'wrong-password-1' }, { 'x-forwarded-for': '198.51.100.3' });
    const locked = await post(apiB, '/api/v1/auth/login', { username: 'bench-admin', password: PASSWORD }, { 'x-forwarded-for': '198.51.100.3' });
    console.log(`lock-out: 3 failures on API A, then the right password on API B answered ${locked.status} (${((await locked.json()) as { error?: string }).error ?? ''})`);
    console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)} (2 cores)`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
    await connection.close();
    await db.destroy();
    await server.stop();
    await dropDatabase(databaseUrl);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${queuePrefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
