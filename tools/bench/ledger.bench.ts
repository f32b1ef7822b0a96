/**
 * Ledger paging benchmark (任务台账): a database of its own seeded with N assignments
 * (default 100,000; bulk INSERT … generate_series), the API in this process on
 * loopback, and a supervisor paging through the ledger as the console does: the
 * first page, then 下一页 by the previous page's cursor (keyset), one request at a
 * time: first, middle and last pages (the real last one: counted in SQL, not the API's
 * capped total), for the console's default view, other sorts and filters. Beside each,
 * a jump straight to that page by offset, and the same page + count SQL timed
 * directly against PostgreSQL (the baseline) with the ratio. Prints figures,
 * asserts nothing; drops its database at the end.
 *
 *   npm run bench:ledger -- --assignments 100000 --repeat 5 --page-size 100
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { insertUser } from '@duban/accounts';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@duban/persistence';
import { assignmentTextCondition } from '@duban/services';

const UNITS = 300;
const REGIONS = ['玄武区', '秦淮区', '建邺区', '鼓楼区', '浦口区', '栖霞区', '雨花台区', '江宁区', '六合区', '溧水区', '高淳区'];
const TARGET_MS = 300;

function argument(name: string, fallback: number, max: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0 || value > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
  return value;
}

async function seed(db: DataSource, assignments: number): Promise<void> {
  const [{ id: planId }] = await db.query(
    `INSERT INTO plans (source_hash, document_name, title, status, task_count, parsed, warnings, settings)
     VALUES ($1, 'ledger-bench.txt', '台账基准测试行动方案', 'published', 200, '{"tasks": []}', '[]', '{}') RETURNING id`,
    [`ledger-bench-${randomUUID()}`],
  );
  // 300 units, 11 districts, due dates over three years around today; statuses and lights mixed as a real ledger.
  await db.query(
    `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, region, status, light,
                              start_date, original_due_date, due_date, due_at, state, version, workflow_started)
     SELECT gen_random_uuid(), $1::text || '/' || i, 'ledger-bench-' || $1::text || '-' || i, $1::uuid, 'task', 1 + i % 200,
            '推进重点任务第' || (1 + i % 200) || '项（年度目标分解）',
            '市第' || (1 + i % ${UNITS}) || '局', CASE WHEN i % 4 = 0 THEN 'lead' ELSE 'support' END,
            ($3::text[])[1 + i % ${REGIONS.length}],
            (ARRAY['pending_acceptance','in_progress','in_progress','in_progress','closure_requested','closed','closed'])[1 + i % 7],
            (ARRAY['green','green','yellow','red','neutral'])[1 + (i / 7) % 5],
            DATE '2025-01-01', d, d, d + TIME '16:00', '{}'::jsonb, 1, true
       FROM generate_series(1, $2::int) AS i, LATERAL (SELECT (CURRENT_DATE - 540 + (i * 7919) % 1095)::date AS d) due`,
    [planId, assignments, REGIONS],
  );
  // A real database is autovacuumed: its visibility map lets counts and key walks stay in the indexes. Right
  // after a bulk insert it is still empty, which no long-running ledger ever sees.
  await db.query('VACUUM ANALYZE assignments');
  await db.query('ANALYZE');
}

interface View {
  readonly name: string;
  /** The console's query string (without limit/offset). */
  readonly query: Record<string, string>;
  /** The same page and count in SQL: WHERE clause (with $n placeholders from 3) and ORDER BY. */
  readonly where: string;
  readonly values: unknown[];
  readonly orderBy: string;
}

const VIEWS: readonly View[] = [
  { name: '默认（按期限）', query: { sort: 'dueDate' }, where: 'TRUE', values: [], orderBy: 'a.due_date ASC, a.key ASC' },
  { name: '按责任单位排序', query: { sort: 'unitName' }, where: 'TRUE', values: [], orderBy: 'a.unit_name ASC, a.key ASC' },
  { name: '红灯', query: { light: 'red', sort: 'dueDate' }, where: "a.light = 'red'", values: [], orderBy: 'a.due_date ASC, a.key ASC' },
  { name: '一个单位的红灯', query: { unit: '市第7局', light: 'red', sort: 'dueDate' }, where: "a.unit_name = $3 AND a.light = 'red'", values: ['市第7局'], orderBy: 'a.due_date ASC, a.key ASC' },
  { name: '已逾期（按灯）', query: { overdue: 'true', sort: 'light' }, where: "a.due_at <= now() AND a.status IN ('pending_acceptance', 'in_progress')", values: [], orderBy: "CASE a.light WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE 3 END ASC, a.key ASC" },
  // The service's own text condition (search_text and the directory's names), its :text as $3.
  { name: '关键词“年度”', query: { text: '年度', sort: 'dueDate' }, where: assignmentTextCondition('%年度%').sql.replace(/:text/g, '$3'), values: ['%年度%'], orderBy: 'a.due_date ASC, a.key ASC' },
  // A selective term (one unit's 334 rows): its count cannot stop early, so the trigram index must find them.
  { name: '关键词“第7局”', query: { text: '第7局', sort: 'dueDate' }, where: assignmentTextCondition('%第7局%').sql.replace(/:text/g, '$3'), values: ['%第7局%'], orderBy: 'a.due_date ASC, a.key ASC' },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed(run: () => Promise<unknown>, repeat: number): Promise<{ median: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < repeat; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return { median: median(times), max: Math.max(...times) };
}

async function main(): Promise<void> {
  const assignments = argument('assignments', 100_000, 1_000_000);
  const repeat = argument('repeat', 5, 100);
  const pageSize = argument('page-size', 100, 500);
  const id = randomUUID().slice(0, 8);
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/duban');
  base.pathname = `/duban_bench_ledger_${id}`;
  const databaseUrl = base.toString();
  Object.assign(process.env, { DATABASE_URL: databaseUrl, QUEUE_PREFIX: `duban-bench-ledger-${id}`, LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000', DUBAN_SEEDS_DIR: join(__dirname, '../../seeds') });

  await migrateDatabase(databaseUrl);
  const db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
  await db.initialize();
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', (error) => console.error(`bench pool: ${error.message}`));
  let app: Awaited<ReturnType<typeof import('../../apps/api/src/create-api-app').createApiApp>> | undefined;
  let slowest = 0;
  let slowestJump = 0;
  try {
    const seedStart = performance.now();
    await seed(db, assignments);
    console.log(`seeded ${assignments} assignments over ${UNITS} units and ${REGIONS.length} districts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    await insertUser(db.manager, { username: 'ledger-supervisor', displayName: '台账督查', role: 'supervisor', unitIds: [], password: 'bench-password-1' });

    const { createApiApp } = await import('../../apps/api/src/create-api-app');
    app = await createApiApp();
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ledger-supervisor', password: 'bench-password-1' }) });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}` };
    console.log(`page size ${pageSize}; each page fetched ${repeat} times one after another (median / max); baseline: the same page + count SQL on PostgreSQL\n`);
    console.log('next page = the page reached by 下一页 (the previous page\'s cursor, how the console pages through); by offset = a jump straight to that page; ratio = by offset against its SQL');
    console.log(`${'view'.padEnd(16)} ${'page'.padStart(6)} ${'rows'.padStart(7)}   ${'next page'.padStart(10)}   ${'by offset'.padStart(10)} ${'max'.padStart(8)}   ${'SQL median'.padStart(10)}   ratio`);

    for (const view of VIEWS) {
      const pageUrl = (offset: number) => `${baseUrl}/api/v1/assignments?${new URLSearchParams({ ...view.query, limit: String(pageSize), offset: String(offset) }).toString()}`;
      // Every matching row, counted in SQL: the API's total stops at its cap (1000+), and the last page must be the
      // real last one (offset ≈ 99,900 on the default view), not the cap's.
      const [{ n: matching }] = (await pool.query(`SELECT count(*)::int AS n FROM assignments a WHERE ${view.where.replace(/\$3/g, '$1')}`, view.values)).rows as [{ n: number }];
      const pages = Math.max(1, Math.ceil(matching / pageSize));
      for (const page of [...new Set([1, Math.ceil(pages / 2), pages])]) {
        const offset = (page - 1) * pageSize;
        const viaApi = await timed(async () => {
          const response = await fetch(pageUrl(offset), { headers });
          if (!response.ok) throw new Error(`${view.name} page ${page}: HTTP ${response.status}`);
          await response.json();
        }, repeat);
        const viaSql = await timed(
          async () => {
            await pool.query(`SELECT * FROM assignments a WHERE ${view.where} ORDER BY ${view.orderBy} LIMIT $1 OFFSET $2`, [pageSize, offset, ...view.values]);
            await pool.query(`SELECT count(*) FROM assignments a WHERE ${view.where.replace(/\$3/g, '$1')}`, view.values);
          },
          repeat,
        );
        // The console's 下一页: the previous page's nextCursor (keyset), as a user paging through reaches this page.
        let viaCursor: { median: number; max: number } | undefined;
        if (page > 1) {
          const previous = (await (await fetch(pageUrl(offset - pageSize), { headers })).json()) as { nextCursor: string | null };
          const cursorUrl = `${baseUrl}/api/v1/assignments?${new URLSearchParams({ ...view.query, limit: String(pageSize), cursor: previous.nextCursor! }).toString()}`;
          viaCursor = await timed(async () => {
            const response = await fetch(cursorUrl, { headers });
            if (!response.ok) throw new Error(`${view.name} page ${page} by cursor: HTTP ${response.status}`);
            await response.json();
          }, repeat);
        }
        slowestJump = Math.max(slowestJump, viaApi.median);
        slowest = Math.max(slowest, viaCursor?.median ?? viaApi.median);
        console.log(
          `${view.name.padEnd(16 - [...view.name].filter((c) => c.charCodeAt(0) > 0x2e80).length)} ${String(page).padStart(6)} ${String(matching).padStart(7)}   ${(viaCursor ? `${viaCursor.median.toFixed(1)} ms` : '—').padStart(10)}   ${viaApi.median.toFixed(1).padStart(7)} ms ${viaApi.max.toFixed(0).padStart(5)} ms   ${viaSql.median.toFixed(1).padStart(7)} ms   ×${(viaApi.median / viaSql.median).toFixed(2)}`,
        );
      }
    }
    console.log(`\npaging through (first page, then 下一页; median): slowest ${slowest.toFixed(1)} ms — target under ${TARGET_MS} ms per page: ${slowest < TARGET_MS ? 'met' : 'NOT met'}`);
    console.log(`a jump by offset (median): slowest ${slowestJump.toFixed(1)} ms (an offset reads every row before the page: it grows with depth)`);
  } finally {
    await app?.close();
    await pool.end();
    await db.destroy();
    await dropDatabase(databaseUrl);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
