/**
 * API benchmark: a database of its own seeded with N assignments (default
 * 100,000; bulk INSERT … generate_series) and ~50 inbox messages per unit, the API
 * started as it is deployed (apps/api's main, API_PROCESSES processes on one port:
 * one per core by default) on loopback, loaded with autocannon for a bounded time per
 * endpoint, next to the very SQL the services run (the statements their own
 * query builders return: listQuery, listForQuery, detailQuery) timed directly against PostgreSQL at the same
 * concurrency. Paths: the supervisor's overdue list (first page), a unit's inbox,
 * a ledger page reached by keyset cursor, an assignment's detail, and one action
 * (an inbox read receipt: assignment actions go through Temporal, see
 * bench:rollout). The load generator (autocannon) runs in a worker thread of this process. Prints, per path,
 * API against SQL, the API processes' CPU per request, the ratio, the issue's target and PASS/FAIL; asserts
 * nothing; drops its database at the end.
 *
 *   npm run bench:api -- --assignments 100000 --duration 10 --connections 10 [--processes 2]
 *   npm run bench:api -- --short          (3 s per run: while others use the machine)
 *   npm run bench:api -- --short --profile DIR   (the API inside this process instead, one process, with a CPU
 *                                                  profile of it per path, DIR/<path>.cpuprofile; the SQL runs are
 *                                                  not profiled)
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Agent, request } from 'node:http';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { insertUser } from '@duban/accounts';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@duban/persistence';
import { loadConfig } from '@duban/config';
import { AssignmentService, InboxService, mailboxesOf } from '@duban/services';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../bootstrap/lib/wait-for-port.cjs');

const ROOT = join(__dirname, '../..');

const UNITS = 2000;
const TASKS_PER_PLAN = 50;
const BENCH_UNIT = '市第1局';

function argument(name: string, fallback: number, max: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return value;
}

/** The targets for a path: p50 against its SQL, absolute p50, throughput. */
type Target = { readonly ratio?: number; readonly p50Ms?: number; readonly rps?: number };

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

async function seed(db: DataSource, assignments: number): Promise<void> {
  const [{ id: planId }] = await db.query(
    `INSERT INTO plans (source_hash, document_name, title, status, task_count, parsed, warnings, settings)
     VALUES ($1, 'bench.txt', '基准测试行动方案', 'published', $2, '{"tasks": []}', '[]', '{}') RETURNING id`,
    [`bench-${randomUUID()}`, TASKS_PER_PLAN],
  );
  // Units 市第1局…市第2000局; due dates spread over three years around today, so about half are overdue.
  await db.query(
    `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, status, light,
                              start_date, original_due_date, due_date, due_at, state, version, workflow_started)
     SELECT gen_random_uuid(), $1::text || '/' || i, 'bench-' || $1::text || '-' || i, $1::uuid, 'task', 1 + i % ${TASKS_PER_PLAN}, '基准任务' || (1 + i % ${TASKS_PER_PLAN}),
            '市第' || (1 + i % ${UNITS}) || '局', CASE WHEN i % 5 = 0 THEN 'lead' ELSE 'support' END,
            (ARRAY['pending_acceptance','in_progress','in_progress','in_progress','closure_requested','closed'])[1 + i % 6],
            (ARRAY['green','yellow','red','neutral'])[1 + i % 4],
            DATE '2025-01-01', d, d, d + TIME '18:00' - INTERVAL '8 hours', '{}'::jsonb, 1, true
       FROM generate_series(1, $2::int) AS i, LATERAL (SELECT (CURRENT_DATE - 540 + (i * 7919) % 1095)::date AS d) due`,
    [planId, assignments],
  );
  await db.query(
    `INSERT INTO inbox_messages (outbox_message_id, recipient, kind, title, body, payload, created_at)
     SELECT gen_random_uuid(), '市第' || (1 + i % ${UNITS}) || '局', 'assignment.escalated', '催办通知' || i, '请尽快办理', '{}'::jsonb, now() - (i || ' minutes')::interval
       FROM generate_series(1, $1::int) AS i`,
    [UNITS * 50],
  );
  // A real database is autovacuumed; a freshly bulk-loaded one has no visibility map and no hint bits, so its
  // first scans would pay for writing them (and index-only scans would visit the heap). VACUUM ANALYZE gives the
  // API and its SQL baseline the state autovacuum keeps a live database in.
  await db.query('VACUUM ANALYZE');
}

/** utime + stime of a process or thread from its /proc stat file, in ms (Linux; undefined elsewhere). */
function cpuMsOf(statFile: string): number | undefined {
  try {
    // Fields after the parenthesised command name: state is field 3, utime 14 and stime 15, in clock ticks (100 Hz).
    const fields = readFileSync(statFile, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The API under load: where it answers and the CPU it has used so far (every thread of every API process). */
interface RunningApi {
  readonly baseUrl: string;
  readonly description: string;
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

/** Process ids whose parent is `pid` (the cluster's API processes under its primary). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/**
 * apps/api's main as deployed, with API_PROCESSES = `processes`: ready when /health answers and (a cluster) the
 * primary has said every process listens. CPU: the primary and its API processes, all their threads.
 */
async function startApiProcesses(env: Record<string, string>, processes: number): Promise<RunningApi> {
  const port: number = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'tools/bootstrap/run.mjs'), join(ROOT, 'apps/api/src/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, API_PORT: String(port), API_HOST: '127.0.0.1', API_PROCESSES: String(processes), DUBAN_SEED_ON_START: 'false' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let listening = 0;
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    stderr = (stderr + text).slice(-4000);
    listening += (text.match(/API process \d+ listening/g) ?? []).length;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited (${child.exitCode}): ${stderr}`);
    const answered = await fetch(`${baseUrl}/health`).then(() => true, () => false);
    if (answered && (processes === 1 || listening >= processes)) break;
    if (Date.now() > deadline) throw new Error(`the API did not start within 2 minutes: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const pids = [child.pid!, ...childrenOf(child.pid!)];
  return {
    baseUrl,
    description: processes === 1 ? 'one API process' : `${processes} API processes (node cluster, pids ${pids.slice(1).join(', ')})`,
    cpuMs: () => {
      let sum = 0;
      for (const pid of pids) {
        const ms = cpuMsOf(`/proc/${pid}/stat`);
        if (ms === undefined) return undefined;
        sum += ms;
      }
      return sum;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
        child.kill('SIGTERM');
      }),
  };
}

/** The floor (bare-inbox.server.ts): node:http + pg answering one statement, in a process of its own; CPU: that process. */
async function startBareServer(databaseUrl: string, statement: { text: string; values: unknown[] }): Promise<RunningApi> {
  const port: number = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'tools/bootstrap/run.mjs'), join(ROOT, 'tools/bench/bare-inbox.server.ts')], {
    cwd: ROOT,
    env: { ...process.env, BARE_PORT: String(port), DATABASE_URL: databaseUrl, BARE_STATEMENT: JSON.stringify(statement) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`the bare server exited (${code})`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    description: 'bare node:http + pg',
    cpuMs: () => cpuMsOf(`/proc/${child.pid}/stat`),
    stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGKILL'))),
  };
}

/** The API inside this process (for --profile: V8's profiler sees this thread only); CPU: this main thread (autocannon runs in a worker thread). */
async function startApiInProcess(): Promise<RunningApi> {
  const { createApiApp } = await import('../../apps/api/src/create-api-app');
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  return {
    baseUrl: `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`,
    description: 'the API inside the bench process (profiling)',
    cpuMs: () => cpuMsOf(`/proc/self/task/${process.pid}/stat`),
    stop: () => app.close(),
  };
}

async function load(api: RunningApi, url: string, token: string, seconds: number, connections: number, method: 'GET' | 'POST' = 'GET'): Promise<Figures & { non2xx: number; cpuMsPerRequest?: number }> {
  const cpuBefore = api.cpuMs();
  // One worker thread: the API keeps this process's event loop to itself.
  const result = await autocannon({ url, connections, duration: seconds, method, workers: 1, headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) }, ...(method === 'POST' ? { body: '{}' } : {}) });
  // autocannon reports p90 and p97.5, not p95: p95 is interpolated between them.
  const cpuAfter = api.cpuMs();
  const cpu = cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0 ? { cpuMsPerRequest: (cpuAfter - cpuBefore) / result.requests.total } : {};
  return { p50: result.latency.p50, p95: (result.latency.p90 + result.latency.p97_5) / 2, p99: result.latency.p99, rps: result.requests.average, non2xx: result.non2xx, ...cpu };
}

/**
 * One user at a time: sequential requests on one kept-alive connection for `seconds` (latency without queueing:
 * what one request costs end to end), timed here with sub-millisecond resolution (autocannon's is whole ms).
 */
async function oneAtATime(url: string, token: string, seconds: number, method: 'GET' | 'POST'): Promise<Figures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  try {
    while (performance.now() < deadline) {
      const start = performance.now();
      await new Promise<void>((resolve, reject) => {
        const req = request(url, { method, agent, headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) } }, (response) => {
          response.on('data', () => undefined);
          response.on('end', () => (response.statusCode! < 300 ? resolve() : reject(new Error(`${method} ${url} answered ${response.statusCode}`))));
        });
        req.on('error', reject);
        req.end(method === 'POST' ? '{}' : undefined);
      });
      latencies.push(performance.now() - start);
    }
  } finally {
    agent.destroy();
  }
  return percentiles(latencies, seconds);
}

function percentiles(latencies: number[], seconds: number): Figures {
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { p50: at(50), p95: at(95), p99: at(99), rps: latencies.length / seconds };
}

async function direct(pool: Pool, queries: { text: string; values: unknown[] }[], seconds: number, connections: number): Promise<Figures> {
  const latencies: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const start = performance.now();
        // Concurrently, as the services run a page and its count.
        await Promise.all(queries.map((query) => pool.query(query.text, query.values)));
        latencies.push(performance.now() - start);
      }
    }),
  );
  return percentiles(latencies, seconds);
}

/** `run` under V8's sampling profiler (this thread only: the API's side, not autocannon's worker), written to `file`. */
async function profiled<T>(file: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!file) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

function line(name: string, figures: Figures): string {
  return `${name.padEnd(40)} p50=${figures.p50.toFixed(1).padStart(7)} ms  p95=${figures.p95.toFixed(1).padStart(7)} ms  p99=${figures.p99.toFixed(1).padStart(7)} ms  ${figures.rps.toFixed(0).padStart(6)} req/s`;
}

async function main(): Promise<void> {
  const assignments = argument('assignments', 100_000, 500_000);
  const seconds = process.argv.includes('--short') ? 3 : argument('duration', 10, 60);
  const connections = argument('connections', 10, 100);
  const processes = argument('processes', availableParallelism(), 64);
  const profileIndex = process.argv.indexOf('--profile');
  const profileDir = profileIndex >= 0 ? process.argv[profileIndex + 1] : undefined;
  if (profileIndex >= 0 && !profileDir) throw new Error('--profile needs a folder');
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const id = randomUUID().slice(0, 8);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
  base.pathname = `/duban_bench_api_${id}`;
  const databaseUrl = base.toString();
  const apiEnv = { DATABASE_URL: databaseUrl, QUEUE_PREFIX: `duban-bench-api-${id}`, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000', REQUEST_TIMEOUT_MS: '60000', DUBAN_SEEDS_DIR: join(ROOT, 'seeds') };
  Object.assign(process.env, apiEnv);

  await migrateDatabase(databaseUrl);
  const db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await db.initialize();
  const pool = new Pool({ connectionString: databaseUrl, max: connections });
  // pg's advice: a pool needs an error listener, or an idle client dropped by the server (the teardown's
  // DROP DATABASE … FORCE) crashes the process.
  pool.on('error', (error) => console.error(`bench pool: ${error.message}`));
  let api: RunningApi | undefined;
  try {
    const seedStart = performance.now();
    await seed(db, assignments);
    console.log(`seeded ${assignments} assignments, ${UNITS * 50} inbox messages over ${UNITS} units in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    await insertUser(db.manager, { username: 'bench-supervisor', displayName: '基准督查', role: 'supervisor', unitIds: [], password: 'bench-password-1' });
    await insertUser(db.manager, { username: 'bench-unit', displayName: '基准经办', role: 'unit_staff', unitIds: [BENCH_UNIT], password: 'bench-password-1' });

    api = profileDir ? await startApiInProcess() : await startApiProcesses(apiEnv, processes);
    const { baseUrl } = api;
    const token = async (username: string) => {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-password-1' }) });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    const supervisor = await token('bench-supervisor');
    const unit = await token('bench-unit');
    const overdueUrl = `${baseUrl}/api/v1/assignments?overdue=true&sort=dueDate&limit=50`;
    const inboxUrl = `${baseUrl}/api/v1/inbox`;
    const get = async (url: string, who: string) => {
      const response = await fetch(url, { headers: { authorization: `Bearer ${who}` } });
      if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const sample = (await get(overdueUrl, supervisor)) as { total: number; totalCapped?: boolean };
    console.log(`overdue assignments: ${sample.total}${sample.totalCapped ? '+' : ''}; ${api.description}; duration ${seconds} s per run, ${connections} connections; load average ${loadavg()[0]!.toFixed(1)} (${availableParallelism()} cores)\n`);

    // A plan's ledger in task order, page 4, reached by keyset cursor.
    const [{ id: planId }] = (await db.query(`SELECT id FROM plans WHERE title = '基准测试行动方案'`)) as { id: string }[];
    const ledgerBase = `${baseUrl}/api/v1/assignments?planId=${planId}&sort=taskNumber&limit=50`;
    let ledgerUrl = ledgerBase;
    for (let page = 1; page < 4; page += 1) ledgerUrl = `${ledgerBase}&cursor=${((await get(ledgerUrl, supervisor)) as { nextCursor: string }).nextCursor}`;
    const [{ id: detailId }] = (await db.query(`SELECT id FROM assignments WHERE unit_name = $1 ORDER BY key LIMIT 1`, [BENCH_UNIT])) as { id: string }[];
    await db.query(
      `INSERT INTO assignment_events (assignment_id, plan_id, seq, type, actor, payload, occurred_at)
       SELECT $1, plan_id, s, 'progress_reported', '{"role":"unit_staff"}', '{"percent":10}', now() - (s || ' hours')::interval FROM assignments, generate_series(1, 20) s WHERE id = $1`,
      [detailId],
    );
    const detailUrl = `${baseUrl}/api/v1/assignments/${detailId}`;
    const [{ id: messageId }] = (await db.query(`SELECT id FROM inbox_messages WHERE recipient = $1 LIMIT 1`, [BENCH_UNIT])) as { id: string }[];
    const readUrl = `${baseUrl}/api/v1/inbox/${messageId}/read`;

    // The SQL the services run for one request, straight on PostgreSQL: the statements their own query builders
    // return for these requests (the overdue filter is the domain's predicate inside it).
    // The services build their statements from the DataSource alone (no Temporal, no Nest container needed).
    const assignmentService = new AssignmentService(db, undefined as never, loadConfig());
    const inboxService = new InboxService(db);
    const statement = ({ text, values }: { text: string; values: unknown[] }) => ({ text, values });
    const overdueSql = [statement(assignmentService.listQuery({ overdue: true }, { sort: 'dueDate', limit: 50 }))];
    const inboxSql = [statement(inboxService.listForQuery(mailboxesOf({ role: 'unit_staff', unitIds: [BENCH_UNIT] }), {}))];
    const ledgerSql = [statement(assignmentService.listQuery({ planId }, { sort: 'taskNumber', limit: 50, cursor: new URL(ledgerUrl).searchParams.get('cursor')! }))];
    const detailSql = [statement(assignmentService.detailQuery(detailId))];
    const readSql = [
      { text: 'SELECT * FROM inbox_messages WHERE id = $1', values: [messageId] },
      { text: 'UPDATE inbox_messages SET read_at = now() WHERE id = $1 AND read_at IS NULL', values: [messageId] },
    ];

    const runs: [string, Figures & { non2xx?: number }, Figures, Target, Figures, Figures][] = [];
    const paths: [string, string, string, { text: string; values: unknown[] }[], 'GET' | 'POST', Target][] = [
      ['supervisor overdue list (page 1)', overdueUrl, supervisor, overdueSql, 'GET', { ratio: 1.5, p50Ms: 30 }],
      ['unit inbox', inboxUrl, unit, inboxSql, 'GET', { ratio: 1.5, rps: 1000 }],
      ['ledger page 4 (keyset cursor)', ledgerUrl, supervisor, ledgerSql, 'GET', { ratio: 1.5 }],
      ['assignment detail', detailUrl, unit, detailSql, 'GET', { ratio: 1.5 }],
      ['action: inbox read receipt', readUrl, unit, readSql, 'POST', {}],
    ];
    for (const [name, url, who, sql, method, target] of paths) {
      const profile = profileDir ? join(profileDir, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '')}.cpuprofile`) : undefined;
      // A second of load first, unmeasured: each API process compiles its hot paths (JIT) before it is timed.
      await load(api, url, who, 1, connections, method);
      const viaApi = await profiled(profile, () => load(api!, url, who, seconds, connections, method));
      const viaSql = await direct(pool, sql, seconds, connections);
      const singleApi = await oneAtATime(url, who, seconds, method);
      const singleSql = await direct(pool, sql, seconds, 1);
      runs.push([name, viaApi, viaSql, target, singleApi, singleSql]);
      const cpu = viaApi.cpuMsPerRequest !== undefined ? `  API CPU ${viaApi.cpuMsPerRequest.toFixed(2)} ms/request` : '';
      console.log(line(`API  ${name}`, viaApi) + cpu + (viaApi.non2xx ? `  (${viaApi.non2xx} non-2xx!)` : ''));
      console.log(line(`SQL  ${name}`, viaSql));
      console.log(`     ratio API/SQL: p50 ×${(viaApi.p50 / viaSql.p50).toFixed(2)}, p99 ×${(viaApi.p99 / viaSql.p99).toFixed(2)}, throughput ×${(viaApi.rps / viaSql.rps).toFixed(2)}`);
      console.log(line(`API  one request at a time`, singleApi));
      console.log(line(`SQL  one statement at a time`, singleSql));
      console.log(`     ratio API/SQL one at a time: p50 ×${(singleApi.p50 / singleSql.p50).toFixed(2)} (+${(singleApi.p50 - singleSql.p50).toFixed(2)} ms)\n`);
    }
    // The floor: the inbox's statement behind bare node:http + pg, loaded the same way (what any API on this machine
    // starts from, with the load generator and PostgreSQL on the same cores).
    const bare = await startBareServer(databaseUrl, inboxSql[0]!);
    let floor: Figures & { cpuMsPerRequest?: number };
    try {
      await load(bare, bare.baseUrl, unit, 1, connections);
      floor = await load(bare, bare.baseUrl, unit, seconds, connections);
    } finally {
      await bare.stop();
    }
    console.log(line('floor: inbox SQL behind bare node:http + pg', floor) + (floor.cpuMsPerRequest !== undefined ? `  CPU ${floor.cpuMsPerRequest.toFixed(2)} ms/request` : '') + '\n');

    console.log(`summary at ${connections} connections: figure (API p50, req/s) | baseline (SQL p50) | ratio | target | verdict`);
    for (const [name, viaApi, viaSql, target] of runs) {
      const ratio = viaApi.p50 / viaSql.p50;
      const checks: [string, boolean][] = [];
      if (target.ratio !== undefined) checks.push([`p50 ≤ ${target.ratio}× SQL`, ratio <= target.ratio]);
      if (target.p50Ms !== undefined) checks.push([`p50 ≤ ${target.p50Ms} ms`, viaApi.p50 <= target.p50Ms]);
      if (target.rps !== undefined) checks.push([`≥ ${target.rps} req/s`, viaApi.rps >= target.rps]);
      const verdict = checks.length === 0 ? 'no target (a write)' : checks.every(([, ok]) => ok) ? 'PASS' : `FAIL (${checks.filter(([, ok]) => !ok).map(([what]) => what).join(', ')})`;
      console.log(
        `  ${name.padEnd(34)} ${viaApi.p50.toFixed(1).padStart(6)} ms ${viaApi.rps.toFixed(0).padStart(5)} req/s | ${viaSql.p50.toFixed(1).padStart(6)} ms | ×${ratio.toFixed(2)} | ${checks.map(([what]) => what).join(', ') || '—'} | ${verdict}`,
      );
    }
    const inboxApi = runs.find(([name]) => name === 'unit inbox')![1];
    console.log(`  the inbox through the API serves ${((inboxApi.rps / floor.rps) * 100).toFixed(0)}% of the floor's ${floor.rps.toFixed(0)} req/s (bare node:http + pg, same statement, same load)`);
    console.log('one request at a time (no queueing): API p50 | SQL p50 | ratio | p50 ≤ 1.5× SQL');
    for (const [name, , , target, singleApi, singleSql] of runs) {
      const ratio = singleApi.p50 / singleSql.p50;
      const verdict = target.ratio === undefined ? 'no target (a write)' : ratio <= target.ratio ? 'PASS' : 'FAIL';
      console.log(`  ${name.padEnd(34)} ${singleApi.p50.toFixed(2).padStart(6)} ms | ${singleSql.p50.toFixed(2).padStart(6)} ms | ×${ratio.toFixed(2)} | ${verdict}`);
    }
    console.log(`  machine load average at the end: ${loadavg()[0]!.toFixed(1)} (${availableParallelism()} cores; targets are for a quiet machine)`);
  } finally {
    await api?.stop();
    await pool.end();
    await db.destroy();
    await dropDatabase(databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
