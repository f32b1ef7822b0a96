import type { DataSource } from 'typeorm';
import { eventually, openDatabase, startApi, useTestEnvironment } from '../support/duban-harness';
import { bearer, createTestUser, postJson, signIn, signInAsDemoAdmin } from './auth-helpers';

interface AuditRow {
  id: string;
  username: string | null;
  role: string | null;
  userId: string | null;
  method: string;
  path: string;
  route: string | null;
  params: Record<string, string>;
  bodySummary: Record<string, unknown> | null;
  statusCode: number;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

describe('audit log of mutating requests', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    const run = useTestEnvironment('api-audit');
    process.env.LOGIN_RATE_LIMIT = '1000';
    api = await startApi();
    db = await openDatabase(run);
    adminHeaders = (await signInAsDemoAdmin(api.baseUrl, db)).headers;
    await createTestUser(db, { username: 'audited', displayName: 'Audited', role: 'supervisor', unitIds: [], password: 'audited-pass' });
  });

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  async function auditLog(query: string): Promise<{ items: AuditRow[]; total: number }> {
    const response = await fetch(`${api.baseUrl}/api/v1/audit-log?${query}`, { headers: adminHeaders });
    expect(response.status).toBe(200);
    return (await response.json()) as { items: AuditRow[]; total: number };
  }

  it('records sign-ins, successful or not, with the password redacted', async () => {
    await postJson(api.baseUrl, '/api/v1/auth/login', { username: 'audited', password: 'wrong-secret-1' }, { 'user-agent': 'audit-test/1.0' });
    await signIn(api.baseUrl, 'audited', 'audited-pass');
    const rows = await eventually('two audited sign-ins', async () => {
      const page = await auditLog('pathPrefix=/api/v1/auth/login&method=POST&limit=200');
      const mine = page.items.filter((row) => row.bodySummary?.username === 'audited');
      return mine.length >= 2 ? mine : undefined;
    });
    expect(rows.map((row) => row.statusCode).sort()).toEqual([200, 401]);
    const failed = rows.find((row) => row.statusCode === 401);
    expect(failed).toMatchObject({ method: 'POST', path: '/api/v1/auth/login', route: '/api/v1/auth/login', userAgent: 'audit-test/1.0', bodySummary: { username: 'audited', password: '[redacted]' } });
    expect(failed?.ip).toMatch(/127\.0\.0\.1/);
    expect(failed?.requestId).toBeTruthy();
    const raw = await db.query("SELECT body_summary::text AS body FROM audit_log WHERE body_summary->>'username' = 'audited'");
    expect(raw.map((row: { body: string }) => row.body).join()).not.toMatch(/wrong-secret-1|audited-pass/);
  });

  it('records who did what: user, role, route params and status, also for refusals (403, 401)', async () => {
    const session = await signIn(api.baseUrl, 'audited', 'audited-pass');
    const [target] = await db.query("SELECT id FROM users WHERE username = 'audited'");
    expect((await postJson(api.baseUrl, `/api/v1/users/${target.id}`, { displayName: 'Self-promoted', role: 'admin' }, bearer(session.accessToken), 'PATCH')).status).toBe(403);
    expect((await postJson(api.baseUrl, '/api/v1/auth/password', { currentPassword: 'a', newPassword: 'bbbbbbbb' })).status).toBe(401);
    expect((await postJson(api.baseUrl, `/api/v1/users/${target.id}`, { displayName: 'Renamed by admin' }, adminHeaders, 'PATCH')).status).toBe(200);

    const refused = await eventually('the refused PATCH', async () => (await auditLog('username=audited&method=PATCH&status=403')).items[0]);
    expect(refused).toMatchObject({ username: 'audited', role: 'supervisor', route: '/api/v1/users/:id', params: { id: target.id }, bodySummary: { displayName: 'Self-promoted', role: 'admin' } });
    const anonymous = await eventually('the anonymous password change', async () => (await auditLog('pathPrefix=/api/v1/auth/password&status=401')).items[0]);
    expect(anonymous).toMatchObject({ userId: null, username: null, bodySummary: { currentPassword: '[redacted]', newPassword: '[redacted]' } });
    const byAdmin = await eventually('the admin PATCH', async () => (await auditLog(`username=admin&method=PATCH&pathPrefix=/api/v1/users/${target.id}`)).items[0]);
    expect(byAdmin).toMatchObject({ role: 'admin', statusCode: 200, bodySummary: { displayName: 'Renamed by admin' } });
  });

  it('does not record reads', async () => {
    await fetch(`${api.baseUrl}/api/v1/users`, { headers: adminHeaders });
    const [{ n }] = await db.query("SELECT count(*)::int AS n FROM audit_log WHERE method = 'GET'");
    expect(n).toBe(0);
  });

  it('filters by time range and paginates, newest first', async () => {
    const page = await auditLog('limit=2&offset=0');
    expect(page.items).toHaveLength(2);
    expect(page.total).toBeGreaterThanOrEqual(3);
    expect(Number(page.items[0].id)).toBeGreaterThan(Number(page.items[1].id));
    expect((await auditLog('from=2000-01-01T00:00:00Z&to=2000-01-02T00:00:00Z')).total).toBe(0);
    expect((await fetch(`${api.baseUrl}/api/v1/audit-log?status=abc`, { headers: adminHeaders })).status).toBe(400);
    const staff = await signIn(api.baseUrl, 'audited', 'audited-pass');
    expect((await fetch(`${api.baseUrl}/api/v1/audit-log`, { headers: bearer(staff.accessToken) })).status).toBe(403);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [{ id }] = await db.query('SELECT id FROM audit_log ORDER BY id LIMIT 1');
    await expect(db.query("UPDATE audit_log SET status_code = 200, username = 'someone-else' WHERE id = $1", [id])).rejects.toThrow(/audit_log is append-only: UPDATE refused/);
    await expect(db.query('DELETE FROM audit_log WHERE id = $1', [id])).rejects.toThrow(/audit_log is append-only: DELETE refused/);
    await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/audit_log is append-only: TRUNCATE refused/);
    expect(await db.query('SELECT count(*)::int AS n FROM audit_log WHERE id = $1', [id])).toEqual([{ n: 1 }]);
  });
});
