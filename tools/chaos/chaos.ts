/**
 * The chaos run: Duban as `npm start` runs it (supervised worker and API), on a
 * PostgreSQL, Redis and Temporal of its own, while a few hundred actions are in
 * flight: Redis restarts (losing its data), PostgreSQL restarts, the worker is
 * SIGKILLed, the API is SIGKILLed. Clients behave like real ones: an Idempotency-Key
 * per action, retried on 503 (after Retry-After), on 409 "still in progress" and on a
 * lost connection. Per fault it reports what was sent, acknowledged (2xx), recorded,
 * notified and duplicated, the answers that were not 2xx, the longest wait for one
 * answer, and how long /health took to be 200 again.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { insertUser } from '@duban/accounts';
import { dataSourceOptions } from '@duban/persistence';
import { insertSyntheticPlan } from '../../tests/support/synthetic-plan';
import { freeLoopbackPort, startPrivatePostgres, startPrivateRedis, startPrivateTemporal, type PrivateServer } from './private-services';

export type Fault = 'redis' | 'postgres' | 'worker' | 'api';
export const FAULTS: readonly Fault[] = ['redis', 'postgres', 'worker', 'api'];

export interface ChaosOptions {
  /** Actions per fault (each with its own Idempotency-Key). */
  readonly actions: number;
  /** Requests in flight at once. */
  readonly concurrency: number;
  /** Synthetic plan size: tasks × units assignments. */
  readonly tasks: number;
  readonly units: number;
  /** How long Redis and PostgreSQL stay down. */
  readonly outageMs: number;
  readonly faults: readonly Fault[];
  readonly temporalBinary: string;
  readonly log: (line: string) => void;
}

export interface FaultReport {
  readonly fault: Fault;
  readonly sent: number;
  /** Actions that finally answered 2xx. */
  readonly acknowledged: number;
  /** Acknowledged actions found in the event log. */
  readonly recorded: number;
  /** Acknowledged actions missing from the event log (must be 0). */
  readonly lost: number;
  /** Actions recorded more than once (must be 0). */
  readonly duplicates: number;
  /** Notifications of recorded urges delivered to the inbox, of those expected; and any delivered twice. */
  readonly notified: number;
  readonly notificationsExpected: number;
  readonly notifiedTwice: number;
  /** Every answer that was not 2xx, by status ('none' = no answer: connection lost or timed out). */
  readonly non2xx: Record<string, number>;
  /** Actions that never got a 2xx (after the client's retries). */
  readonly gaveUp: number;
  readonly longestWaitMs: number;
  /** From the end of the fault until /health answered 200. */
  readonly recoveryMs: number;
  /** Job schedulers present after the fault (they must be re-created after a Redis restart). */
  readonly schedulersPresent: boolean;
  /** Sequence gaps in the event log (must be 0). */
  readonly sequenceGaps: number;
}

interface Action {
  readonly key: string;
  readonly assignmentId: string;
  readonly kind: 'urge' | 'report';
  readonly text: string;
  status: number | null;
}

const ROOT = join(__dirname, '../..');

export async function runChaos(options: ChaosOptions): Promise<FaultReport[]> {
  const { log } = options;
  log('starting private PostgreSQL, Redis and Temporal…');
  const [postgres, redis, temporal] = await Promise.all([startPrivatePostgres(), startPrivateRedis(), startPrivateTemporal(options.temporalBinary)]);
  const databaseUrl = postgres.url.replace(/\/postgres$/, '/duban_chaos');
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: 'duban-chaos',
    QUEUE_PREFIX: 'duban-chaos',
    API_PORT: String(port),
    API_HOST: '127.0.0.1',
    JWT_SECRET: randomBytes(48).toString('base64url'),
    DUBAN_SEED_ON_START: 'false',
    LOGIN_RATE_LIMIT: '10000',
    LOG_LEVEL: 'warn',
    OUTBOX_RELAY_EVERY_MS: '5000',
    OUTBOX_RELAY_AFTER_MS: '10000',
  };
  let duban: ChildProcess | null = null;
  let db: DataSource | null = null;
  try {
    duban = await startDuban(env, log);
    db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 4, applicationName: 'duban-chaos' }));
    await db.initialize();
    const world = await prepareWorld(db, baseUrl, options);
    log(`${world.assignments.length} assignments accepted; ${options.actions} actions per fault, ${options.concurrency} at a time`);
    const reports: FaultReport[] = [];
    for (const fault of options.faults) {
      log(`fault: ${fault}…`);
      reports.push(await runFault(fault, { ...world, baseUrl, db, postgres, redis, duban, options }));
      log(formatReport(reports[reports.length - 1]!));
    }
    return reports;
  } finally {
    await db?.destroy().catch(() => undefined);
    if (duban && duban.exitCode === null) {
      const exited = new Promise((resolve) => duban!.once('exit', resolve));
      duban.kill('SIGINT');
      await exited;
    }
    await temporal.stop();
    await redis.destroy();
    await postgres.destroy();
  }
}

/** `npm start` itself (tools/bootstrap/start.mjs): resolves when it prints the URL to open. */
async function startDuban(env: Record<string, string>, log: (line: string) => void): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'tools/bootstrap/start.mjs')], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Everything npm start and its children print, for the post-mortem.
  mkdirSync(join(ROOT, 'tmp'), { recursive: true });
  const logFile = createWriteStream(join(ROOT, 'tmp', 'chaos-npm-start.log'));
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  log(`npm start's output: tmp/chaos-npm-start.log`);
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (/restart|exited|giving up|stopping/i.test(line)) log(`  npm start: ${line.trim()}`);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not become ready within 5 minutes:\n${output.slice(-3000)}`)), 300_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Duban is ready:')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}):\n${output.slice(-3000)}`));
    });
  });
  log('npm start is ready');
  return child;
}

interface World {
  readonly assignments: { id: string; unit: string }[];
  readonly tokens: Record<string, string>;
  /** The units in the order their staff users were made: chaos-staff-N is units[N - 1]'s. */
  readonly units: readonly string[];
}

/** Users, a published synthetic plan, every assignment accepted. */
async function prepareWorld(db: DataSource, baseUrl: string, options: ChaosOptions): Promise<World> {
  const password = 'chaos-password-2027';
  const units = Array.from({ length: options.units }, (_, index) => `市第${index + 1}局`);
  await insertUser(db.manager, { username: 'chaos-admin', displayName: '混沌管理员', role: 'admin', unitIds: [], password });
  await insertUser(db.manager, { username: 'chaos-supervisor', displayName: '混沌督查', role: 'supervisor', unitIds: [], password });
  for (const [index, unit] of units.entries()) await insertUser(db.manager, { username: `chaos-staff-${index + 1}`, displayName: `${unit}经办人`, role: 'unit_staff', unitIds: [unit], password });
  const tokens: Record<string, string> = {};
  for (const username of ['chaos-admin', 'chaos-supervisor', ...units.map((_, index) => `chaos-staff-${index + 1}`)]) {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    tokens[username] = ((await response.json()) as { accessToken: string }).accessToken;
  }
  const planId = await insertSyntheticPlan(db, options.tasks, options.units);
  const published = await fetch(`${baseUrl}/api/v1/plans/${planId}/publish`, { method: 'POST', headers: { authorization: `Bearer ${tokens['chaos-admin']}`, 'content-type': 'application/json' }, body: '{}' });
  if (published.status !== 202) throw new Error(`publish failed: ${published.status} ${await published.text()}`);
  const expected = options.tasks * options.units;
  await until(`${expected} workflows started`, async () => {
    const [{ n }] = await db.query('SELECT count(*) FILTER (WHERE workflow_started)::int AS n FROM assignments WHERE plan_id = $1', [planId]);
    return n === expected;
  }, 300_000);
  const rows = (await db.query('SELECT id, unit_name FROM assignments WHERE plan_id = $1 ORDER BY key', [planId])) as { id: string; unit_name: string }[];
  const assignments = rows.map((row) => ({ id: row.id, unit: row.unit_name }));
  for (const assignment of assignments) {
    const token = tokens[`chaos-staff-${units.indexOf(assignment.unit) + 1}`]!;
    const status = await actOnce(baseUrl, token, assignment.id, 'accept', {}, `accept-${assignment.id}`);
    if (status !== 200) throw new Error(`accept failed: ${status}`);
  }
  return { assignments, tokens, units };
}

async function runFault(
  fault: Fault,
  context: World & { baseUrl: string; db: DataSource; postgres: PrivateServer; redis: PrivateServer; duban: ChildProcess; options: ChaosOptions },
): Promise<FaultReport> {
  // Not re-derived by sorting names: 市第10局 sorts before 市第2局, which handed ten-unit runs the wrong staff token (404s).
  const { baseUrl, db, options, assignments, tokens, units } = context;
  const actions: Action[] = Array.from({ length: options.actions }, (_, index) => {
    const assignment = assignments[index % assignments.length]!;
    const kind = index % 3 === 2 ? 'report' : 'urge';
    return { key: `chaos-${fault}-${index}-${randomBytes(4).toString('hex')}`, assignmentId: assignment.id, kind, text: `混沌-${fault}-${index}`, status: null };
  });
  const non2xx: Record<string, number> = {};
  let longestWaitMs = 0;
  let faultEndedAt = 0;

  const perform = async (action: Action) => {
    const unitIndex = units.indexOf(assignments.find((assignment) => assignment.id === action.assignmentId)!.unit);
    const token = action.kind === 'urge' ? tokens['chaos-supervisor']! : tokens[`chaos-staff-${unitIndex + 1}`]!;
    const body = action.kind === 'urge' ? { note: action.text } : { text: action.text };
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const started = Date.now();
      let status: number | null = null;
      let retryAfter = 1;
      try {
        const response = await fetch(`${baseUrl}/api/v1/assignments/${action.assignmentId}/actions/${action.kind}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': action.key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        retryAfter = Number(response.headers.get('retry-after')) || 1;
        await response.arrayBuffer();
      } catch {
        status = null;
      }
      longestWaitMs = Math.max(longestWaitMs, Date.now() - started);
      if (status !== null && status >= 200 && status < 300) {
        action.status = status;
        return;
      }
      const label = status === null ? 'none' : String(status);
      non2xx[label] = (non2xx[label] ?? 0) + 1;
      // Retry what a client should retry: outages (503, no answer) and a key still in progress (409 from the store).
      if (status !== null && status !== 503 && status !== 409) {
        action.status = status;
        return;
      }
      await sleep(Math.min(retryAfter, 5) * 1000);
    }
  };

  let next = 0;
  const load = Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < actions.length) await perform(actions[next++]!);
    }),
  );
  await sleep(500);
  faultEndedAt = await inject(fault, context);
  const recoveryMs = await timeToHealthy(baseUrl, faultEndedAt);
  await load;

  // Every acknowledged action once in the log; urges' notifications delivered once.
  const texts = actions.map((action) => action.text);
  const counts = new Map<string, number>(
    ((await db.query(
      `SELECT coalesce(payload->>'note', payload->>'text') AS text, count(*)::int AS n FROM assignment_events
        WHERE type IN ('urged', 'progress_reported') AND coalesce(payload->>'note', payload->>'text') = ANY($1::text[]) GROUP BY 1`,
      [texts],
    )) as { text: string; n: number }[]).map((row) => [row.text, row.n]),
  );
  const acknowledged = actions.filter((action) => action.status !== null && action.status < 300);
  const recorded = acknowledged.filter((action) => (counts.get(action.text) ?? 0) >= 1).length;
  const duplicates = [...counts.values()].filter((n) => n > 1).length;
  const urgeTexts = acknowledged.filter((action) => action.kind === 'urge').map((action) => action.text);
  let notified = 0;
  let notificationsExpected = 0;
  let notifiedTwice = 0;
  await until('notifications delivered', async () => {
    const [row] = (await db.query(
      `SELECT count(o.id)::int AS expected, count(i.id)::int AS delivered, count(*) FILTER (WHERE (SELECT count(*) FROM inbox_messages x WHERE x.outbox_message_id = o.id) > 1)::int AS twice
         FROM assignment_events e
         JOIN outbox_messages o ON o.payload->>'assignmentId' = e.assignment_id::text AND (o.payload->>'seq')::int = e.seq
         LEFT JOIN inbox_messages i ON i.outbox_message_id = o.id
        WHERE e.type = 'urged' AND e.payload->>'note' = ANY($1::text[])`,
      [urgeTexts],
    )) as { expected: number; delivered: number; twice: number }[];
    notified = row!.delivered;
    notificationsExpected = row!.expected;
    notifiedTwice = row!.twice;
    return notified === notificationsExpected;
  }, 180_000).catch(() => undefined);
  const schedulersPresent = await schedulersExist(context.redis.url);
  const [{ gaps }] = (await db.query(
    `SELECT count(*)::int AS gaps FROM (SELECT a.id FROM assignments a LEFT JOIN assignment_events e ON e.assignment_id = a.id
       GROUP BY a.id, a.version HAVING count(e.seq) <> coalesce(max(e.seq), 0) OR a.version <> coalesce(max(e.seq), 0)) problems`,
  )) as { gaps: number }[];
  return {
    fault,
    sent: actions.length,
    acknowledged: acknowledged.length,
    recorded,
    lost: acknowledged.length - recorded,
    duplicates,
    notified,
    notificationsExpected,
    notifiedTwice,
    non2xx,
    gaveUp: actions.length - acknowledged.length,
    longestWaitMs,
    recoveryMs,
    schedulersPresent,
    sequenceGaps: gaps,
  };
}

/** Causes the fault; returns when it ended (a restart done, or the process killed). */
async function inject(fault: Fault, context: { postgres: PrivateServer; redis: PrivateServer; duban: ChildProcess; options: ChaosOptions }): Promise<number> {
  switch (fault) {
    case 'redis':
    case 'postgres': {
      const server = fault === 'redis' ? context.redis : context.postgres;
      await server.stop();
      await sleep(context.options.outageMs);
      await server.start();
      return Date.now();
    }
    case 'worker':
    case 'api': {
      const pid = childPid(context.duban.pid!, fault === 'worker' ? 'apps/worker/src/main.js' : 'apps/api/src/main.js');
      process.kill(pid, 'SIGKILL');
      return Date.now();
    }
  }
}

/** The pid of npm start's child running `script` (the supervisor restarts it under a new pid). */
function childPid(parent: number, script: string): number {
  const listing = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' }).stdout;
  const line = listing.split('\n').find((entry) => entry.includes(script));
  if (!line) throw new Error(`no child of ${parent} runs ${script}:\n${listing}`);
  return Number(line.trim().split(/\s+/)[0]);
}

async function timeToHealthy(baseUrl: string, since: number): Promise<number> {
  await until('/health to answer 200', async () => (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5000) }).catch(() => null))?.status === 200, 180_000);
  return Date.now() - since;
}

async function schedulersExist(redisUrl: string): Promise<boolean> {
  const { Queue } = await import('bullmq');
  const { redisConnectionOptions, QUEUE_NOTIFICATIONS, DAILY_DIGEST_SCHEDULER_ID, RELAY_OUTBOX_SCHEDULER_ID } = await import('@duban/queues');
  const queue = new Queue(QUEUE_NOTIFICATIONS, { connection: redisConnectionOptions(redisUrl), prefix: 'duban-chaos' });
  try {
    // Verified every 30 s by the worker: give it that long after a restart.
    let present = false;
    await until('the job schedulers', async () => {
      present = Boolean((await queue.getJobScheduler(DAILY_DIGEST_SCHEDULER_ID)) && (await queue.getJobScheduler(RELAY_OUTBOX_SCHEDULER_ID)));
      return present;
    }, 45_000).catch(() => undefined);
    return present;
  } finally {
    await queue.close();
  }
}

async function actOnce(baseUrl: string, token: string, assignmentId: string, action: string, body: unknown, key: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/assignments/${assignmentId}/actions/${action}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  return response.status;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function formatReport(report: FaultReport): string {
  const statuses = Object.entries(report.non2xx).map(([status, count]) => `${status}×${count}`).join(' ') || '—';
  return [
    `  ${report.fault.padEnd(8)} sent ${report.sent}, 2xx ${report.acknowledged}, recorded ${report.recorded} (lost ${report.lost}), duplicates ${report.duplicates}, `,
    `notified ${report.notified}/${report.notificationsExpected} (twice ${report.notifiedTwice}), non-2xx ${statuses}, gave up ${report.gaveUp}, `,
    `longest wait ${(report.longestWaitMs / 1000).toFixed(1)} s, recovery ${(report.recoveryMs / 1000).toFixed(1)} s, schedulers ${report.schedulersPresent ? 'present' : 'MISSING'}, sequence gaps ${report.sequenceGaps}`,
  ].join('');
}
