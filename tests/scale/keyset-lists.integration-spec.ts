import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { AssignmentService } from '@duban/services';
import { bearer, createTestUser, signIn } from '../api-auth/auth-helpers';
import { openDatabase, startApi, useTestEnvironment } from '../support/duban-harness';
import { insertSyntheticPlan } from '../support/synthetic-plan';

/** Read-model rows straight into the database (no workflows: lists read the read model only). */
async function insertAssignments(db: DataSource, planId: string, count: number, unit: (i: string) => string): Promise<void> {
  await db.query(
    `INSERT INTO assignments (id, key, workflow_id, plan_id, kind, task_number, task_title, unit_name, responsibility, status, light,
                              start_date, original_due_date, due_date, due_at, state, version, workflow_started)
     SELECT gen_random_uuid(), $1::text || '/' || i, 'keyset-' || $1::text || '-' || i, $1::uuid, 'task',
            CASE WHEN i % 7 = 0 THEN NULL ELSE 1 + i % 5 END, '分页任务' || i, ${unit('i')}, 'lead', 'in_progress', 'green',
            DATE '2026-01-01', d, d, d + TIME '18:00', '{}'::jsonb, 1, true
       FROM generate_series(1, $2::int) AS i, LATERAL (SELECT (DATE '2027-01-01' + i % 40)::date AS d) due`,
    [planId, count],
  );
}

type Page = { items: { id: string; taskNumber: number | null; dueDate: string }[]; total: number; totalCapped?: boolean; nextCursor: string | null };

/** Keyset pages (nextCursor) walk the same rows in the same order as offset pages; totals stop at 1,000. */
describe('keyset pagination and capped totals', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const run = useTestEnvironment('keyset');
    process.env.LOGIN_RATE_LIMIT = '1000';
    api = await startApi();
    db = await openDatabase(run);
    await seedDemoUsers(db);
    headers = bearer((await signIn(api.baseUrl, 'supervisor', 'supervisor123')).accessToken);
  });

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${api.baseUrl}${path}`, { headers });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it.each(['dueDate', '-dueDate', 'taskNumber', 'unitName', 'light', '-updatedAt'])('pages by cursor exactly as by offset (sort %s, ties and null task numbers included)', async (sort) => {
    const planId = await insertSyntheticPlan(db, 1, 1);
    await insertAssignments(db, planId, 137, (i) => `'分页第' || (${i} % 3) || '局'`);
    const byOffset: string[] = [];
    for (let offset = 0; offset < 137; offset += 25) byOffset.push(...(await get<Page>(`/api/v1/assignments?planId=${planId}&sort=${sort}&limit=25&offset=${offset}`)).items.map((item) => item.id));
    const byCursor: string[] = [];
    let url = `/api/v1/assignments?planId=${planId}&sort=${sort}&limit=25`;
    for (let pages = 0; ; pages += 1) {
      const page = await get<Page>(url);
      expect(page.total).toBe(137);
      byCursor.push(...page.items.map((item) => item.id));
      if (!page.nextCursor) break;
      expect(pages).toBeLessThan(6);
      url = `/api/v1/assignments?planId=${planId}&sort=${sort}&limit=25&cursor=${page.nextCursor}`;
    }
    expect(byCursor).toHaveLength(137);
    expect(new Set(byCursor).size).toBe(137);
    expect(byCursor).toEqual(byOffset);
  });

  it.each([
    ['light', 'idx_assignments_light_order_key'],
    ['dueDate', 'idx_assignments_overdue_due'],
  ] as const)('a ledger page sorted by %s can walk its index (the statement the service runs; sorting forbidden)', async (sort, index) => {
    // The light index is on the service's own sort expression: if either changes alone, the planner cannot use it.
    const { text, values } = api.app.get(AssignmentService).listQuery({ overdue: true }, { sort, limit: 100, offset: 900 });
    const runner = db.createQueryRunner();
    try {
      await runner.query('SET enable_sort = off');
      await runner.query('SET enable_seqscan = off');
      const plan = (await runner.query(`EXPLAIN ${text}`, values)) as { 'QUERY PLAN': string }[];
      const lines = plan.map((row) => row['QUERY PLAN']).join('\n');
      expect(lines).toContain(index);
      expect(lines).not.toMatch(/^\s*(->\s+)?(Incremental )?Sort\s+\(/m);
    } finally {
      await runner.query('RESET ALL');
      await runner.release();
    }
  });

  it('refuses a cursor of another sort or a tampered one with 400 and a Chinese message', async () => {
    const planId = await insertSyntheticPlan(db, 1, 1);
    await insertAssignments(db, planId, 3, () => `'分页第9局'`);
    const first = await get<Page>(`/api/v1/assignments?planId=${planId}&sort=dueDate&limit=1`);
    for (const url of [`/api/v1/assignments?planId=${planId}&sort=unitName&cursor=${first.nextCursor}`, `/api/v1/assignments?cursor=garbage`]) {
      const response = await fetch(`${api.baseUrl}${url}`, { headers });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/分页游标/);
    }
  });

  it('caps the total at 1,000 with totalCapped: true, and counts exactly below it', async () => {
    const planId = await insertSyntheticPlan(db, 1, 1);
    await insertAssignments(db, planId, 1_050, () => `'分页大单位'`);
    const capped = await get<Page>(`/api/v1/assignments?planId=${planId}&limit=5`);
    expect(capped).toMatchObject({ total: 1_000, totalCapped: true });
    expect(capped.items).toHaveLength(5);
    const exact = await get<Page>(`/api/v1/assignments?planId=${planId}&taskNumber=1&limit=5`);
    expect(exact.totalCapped).toBeUndefined();
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1 AND task_number = 1', [planId])) as { n: number }[];
    expect(exact.total).toBe(n);
  });

  it("pages a unit's inbox by cursor, newest first, as by offset", async () => {
    const unit = `分页收件${randomUUID().slice(0, 6)}`;
    const staff = `inbox-keyset-${randomUUID().slice(0, 6)}`;
    await createTestUser(db, { username: staff, displayName: '收件人', role: 'unit_staff', unitIds: [unit], password: 'staff-password-1' });
    // Same created_at for several messages: ties broken by id.
    await db.query(
      `INSERT INTO inbox_messages (outbox_message_id, recipient, kind, title, body, payload, created_at)
       SELECT gen_random_uuid(), $1, 'test.notice', '通知' || i, '内容', '{}'::jsonb, TIMESTAMPTZ '2026-06-01 09:00:00+08' + ((i / 4) || ' minutes')::interval FROM generate_series(1, 53) AS i`,
      [unit],
    );
    const staffHeaders = bearer((await signIn(api.baseUrl, staff, 'staff-password-1')).accessToken);
    const read = async (path: string) => (await (await fetch(`${api.baseUrl}${path}`, { headers: staffHeaders })).json()) as Page;
    const byOffset = [...(await read('/api/v1/inbox?limit=20')).items, ...(await read('/api/v1/inbox?limit=20&offset=20')).items, ...(await read('/api/v1/inbox?limit=20&offset=40')).items].map((item) => item.id);
    const byCursor: string[] = [];
    let page = await read('/api/v1/inbox?limit=20');
    byCursor.push(...page.items.map((item) => item.id));
    while (page.nextCursor) {
      page = await read(`/api/v1/inbox?limit=20&cursor=${page.nextCursor}`);
      byCursor.push(...page.items.map((item) => item.id));
    }
    expect(byCursor).toHaveLength(53);
    expect(byCursor).toEqual(byOffset);
  });
});
