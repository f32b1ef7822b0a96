import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { organisationId, unitKey } from '@duban/persistence';
import { openDatabase, startApi, useTestEnvironment } from '../support/duban-harness';
import { bearer, createTestUser, login, postJson, signIn, signInAsDemoAdmin, type ErrorBody } from './auth-helpers';

/** Short lock-out (3 s after 3 failures) so the unlock is observable within the test. */
const LOCKOUT_SECONDS = 3;
/** weijian's unit: 南京市卫生健康委员会, the seed key 南京市/health (not any other city's 市卫健委). */
const NANJING_HEALTH = organisationId(unitKey('南京市', 'health'));

describe('accounts: sign-in, tokens, lock-out, password change, roles', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    const run = useTestEnvironment('api-auth');
    process.env.LOGIN_MAX_ATTEMPTS = '3';
    process.env.LOGIN_LOCKOUT_MINUTES = String(LOCKOUT_SECONDS / 60);
    process.env.LOGIN_RATE_LIMIT = '1000';
    api = await startApi();
    db = await openDatabase(run);
    adminHeaders = (await signInAsDemoAdmin(api.baseUrl, db)).headers;
  });

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  it('signs in with the right password and answers a token pair and the user', async () => {
    const { status, body } = await login(api.baseUrl, 'Weijian', 'weijian123');
    expect(status).toBe(200);
    expect(body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { username: 'weijian', role: 'unit_staff', unitIds: [NANJING_HEALTH] } });
    expect(body.accessToken.split('.')).toHaveLength(3);
    expect(body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|argon2/);

    const me = await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(body.accessToken) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'weijian', role: 'unit_staff', unitIds: [NANJING_HEALTH] });
  });

  it('stores passwords as argon2id and refresh tokens only as hashes', async () => {
    const { body } = await login(api.baseUrl, 'fagai', 'fagai123');
    const [user] = await db.query("SELECT password_hash FROM users WHERE username = 'fagai'");
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const sha256 = createHash('sha256').update(body.refreshToken).digest('hex');
    expect(await db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1', [sha256])).toEqual([{ n: 1 }]);
    expect(await db.query('SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = $1', [body.refreshToken])).toEqual([{ n: 0 }]);
  });

  it('refuses a wrong password or an unknown user alike with 401 in the one error shape', async () => {
    const wrong = await login(api.baseUrl, 'supervisor', 'not-the-password');
    const unknown = await login(api.baseUrl, 'nobody-here', 'whatever1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({ statusCode: 401, error: 'invalid_credentials', code: 'invalid_credentials', message: '用户名或密码错误' });
    expect(unknown.body).toEqual(wrong.body);
    await login(api.baseUrl, 'supervisor', 'supervisor123'); // success clears the count
  });

  it('locks a username after repeated failures, even the right password, and unlocks after the lock-out period', async () => {
    await createTestUser(db, { username: 'lockme', displayName: 'Lock Me', role: 'supervisor', unitIds: [], password: 'right-password' });
    for (let i = 0; i < 3; i += 1) expect((await login(api.baseUrl, 'lockme', 'wrong-password')).status).toBe(401);

    const locked = await postJson(api.baseUrl, '/api/v1/auth/login', { username: 'lockme', password: 'right-password' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await locked.json()) as ErrorBody;
    expect(body).toMatchObject({ statusCode: 429, error: 'account_locked' });
    // Chinese at the source: the console shows it as it is, with nothing in brackets.
    expect(body.message).toMatch(/^该地址登录失败次数过多，请 \d+ 秒后再试$/);
    expect(body.details?.retryAfterSeconds).toBeLessThanOrEqual(LOCKOUT_SECONDS);
    // Other usernames are unaffected.
    expect((await login(api.baseUrl, 'coordinator', 'coordinator123')).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, LOCKOUT_SECONDS * 1000 + 300));
    expect((await login(api.baseUrl, 'lockme', 'right-password')).status).toBe(200);
    expect(await db.query("SELECT * FROM login_lockouts WHERE username = 'lockme'")).toEqual([]);
  });

  it('rotates refresh tokens, and replaying a used one revokes the whole family', async () => {
    const first = await signIn(api.baseUrl, 'coordinator', 'coordinator123');
    const refreshed = await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    const second = (await refreshed.json()) as typeof first;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(second.accessToken) })).status).toBe(200);
    const third = (await (await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: second.refreshToken })).json()) as typeof first;

    // A stolen copy of the first token is replayed after its successor was used: refused, and the live token dies with it.
    const replay = await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as ErrorBody).error).toBe('invalid_token');
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: third.refreshToken })).status).toBe(401);

    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: 'x'.repeat(43) })).status).toBe(401);
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', {})).status).toBe(400);
  });

  it('lets a client retry a refresh whose answer it lost (a page reloaded mid-request), once the lost successor is unused', async () => {
    const first = await signIn(api.baseUrl, 'coordinator', 'coordinator123');
    // The server rotates, but the answer never reaches the page.
    const lost = (await (await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: first.refreshToken })).json()) as typeof first;
    const retried = await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(retried.status).toBe(200);
    const kept = (await retried.json()) as typeof first;
    expect(kept.refreshToken).not.toBe(lost.refreshToken);
    expect((await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(kept.accessToken) })).status).toBe(200);
    const [lostRow] = (await db.query('SELECT revoked_at FROM refresh_tokens WHERE token_hash = $1', [createHash('sha256').update(lost.refreshToken).digest('hex')])) as { revoked_at: Date | null }[];
    expect(lostRow?.revoked_at).not.toBeNull();

    // The session goes on from the retried answer…
    const next = (await (await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: kept.refreshToken })).json()) as typeof first;
    expect(next.refreshToken).toBeDefined();
    // …and whoever presents the lost (revoked) successor later is a replay: the whole sign-in ends.
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: lost.refreshToken })).status).toBe(401);
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);
  });

  it('signs out: the refresh token stops working', async () => {
    const tokens = await signIn(api.baseUrl, 'supervisor', 'supervisor123');
    const out = await postJson(api.baseUrl, '/api/v1/auth/logout', { refreshToken: tokens.refreshToken });
    expect(out.status).toBe(204);
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
  });

  it('changes the password only with the current one, and ends every older session', async () => {
    await createTestUser(db, { username: 'changer', displayName: 'Changer', role: 'coordinator', unitIds: [], password: 'old-password' });
    const before = await signIn(api.baseUrl, 'changer', 'old-password');
    const other = await signIn(api.baseUrl, 'changer', 'old-password');

    const wrong = await postJson(api.baseUrl, '/api/v1/auth/password', { currentPassword: 'nope-nope', newPassword: 'new-password' }, bearer(before.accessToken));
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as ErrorBody).error).toBe('wrong_password');
    const tooShort = await postJson(api.baseUrl, '/api/v1/auth/password', { currentPassword: 'old-password', newPassword: 'short' }, bearer(before.accessToken));
    expect(tooShort.status).toBe(400);
    expect(await tooShort.json()).toMatchObject({ code: 'invalid_input', message: '提交的内容有误：字段 newPassword 须为 8–128 个字符', details: { fields: { newPassword: ['字段 newPassword 须为 8–128 个字符'] } } });

    const changed = await postJson(api.baseUrl, '/api/v1/auth/password', { currentPassword: 'old-password', newPassword: 'new-password' }, bearer(before.accessToken));
    expect(changed.status).toBe(200);
    const fresh = (await changed.json()) as typeof before;

    expect((await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(before.accessToken) })).status).toBe(401);
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(401);
    expect((await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(fresh.accessToken) })).status).toBe(200);
    expect((await login(api.baseUrl, 'changer', 'old-password')).status).toBe(401);
    expect((await login(api.baseUrl, 'changer', 'new-password')).status).toBe(200);
  });

  it('answers 401 without a token or with a bad one, and keeps /health public', async () => {
    for (const headers of [{}, bearer('not.a.jwt'), { authorization: 'Basic YWRtaW46YWRtaW4xMjM=' }]) {
      const response = await fetch(`${api.baseUrl}/api/v1/plans`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ statusCode: 401, error: 'unauthorized' });
    }
    // A token signed with another key.
    const forged = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJ2ZXIiOjB9.c2lnbmF0dXJl';
    expect((await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(forged) })).status).toBe(401);
    expect((await fetch(`${api.baseUrl}/health`)).status).not.toBe(401);
  });

  it('lets only admins manage users (403 for other roles)', async () => {
    const staff = await signIn(api.baseUrl, 'weijian', 'weijian123');
    const forbidden = await fetch(`${api.baseUrl}/api/v1/users`, { headers: bearer(staff.accessToken) });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ statusCode: 403, error: 'forbidden' });
    const coordinator = await signIn(api.baseUrl, 'coordinator', 'coordinator123');
    expect((await postJson(api.baseUrl, '/api/v1/users', { username: 'x' }, bearer(coordinator.accessToken))).status).toBe(403);

    const list = await fetch(`${api.baseUrl}/api/v1/users`, { headers: adminHeaders });
    expect(list.status).toBe(200);
    const users = (await list.json()) as Array<{ username: string; passwordHash?: string }>;
    expect(users.map((user) => user.username)).toEqual(expect.arrayContaining(['admin', 'coordinator', 'supervisor', 'weijian', 'fagai']));
    expect(users.every((user) => user.passwordHash === undefined)).toBe(true);
  });

  it('creates, updates and disables users as an admin, with field-level validation', async () => {
    const invalid = await postJson(api.baseUrl, '/api/v1/users', { username: 'No Spaces', displayName: '', role: 'system', unitIds: 'x', password: 'short' }, adminHeaders);
    expect(invalid.status).toBe(400);
    const refusal = (await invalid.json()) as ErrorBody & { code: string; details: { fields: Record<string, string[]> } };
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.message).toMatch(/^提交的内容有误：/);
    expect(refusal.details.fields).toMatchObject({
      username: [expect.stringMatching(/^字段 username /)],
      role: ['字段 role 须为以下之一：unit_staff、supervisor、coordinator、admin'],
      password: [expect.stringMatching(/^字段 password /)],
    });

    const noUnits = await postJson(api.baseUrl, '/api/v1/users', { username: 'staff-without-unit', displayName: '无单位', role: 'unit_staff', unitIds: [], password: 'password-1' }, adminHeaders);
    expect(noUnits.status).toBe(400);
    expect(await noUnits.json()).toMatchObject({ error: 'invalid_input', details: { field: 'unitIds' } });

    const created = await postJson(api.baseUrl, '/api/v1/users', { username: 'wjw-2', displayName: '卫健委二号', role: 'unit_staff', unitIds: ['南京市卫生健康委员会'], password: 'password-2' }, adminHeaders);
    expect(created.status).toBe(201);
    const user = (await created.json()) as { id: string; role: string };
    expect((await postJson(api.baseUrl, '/api/v1/users', { username: 'wjw-2', displayName: 'again', role: 'supervisor', unitIds: [], password: 'password-2' }, adminHeaders)).status).toBe(409);

    const session = await signIn(api.baseUrl, 'wjw-2', 'password-2');
    // A unit scope holds directory ids: a unique name is accepted and stored as its unit's id.
    const development = organisationId(unitKey('南京市', 'development'));
    const promoted = await postJson(api.baseUrl, `/api/v1/users/${user.id}`, { role: 'coordinator', unitIds: ['南京市发展和改革委员会'] }, adminHeaders, 'PATCH');
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ role: 'coordinator', unitIds: [development] });
    // The role is re-read on each request: the existing token already acts as coordinator.
    expect(await (await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(session.accessToken) })).json()).toMatchObject({ role: 'coordinator' });

    expect((await postJson(api.baseUrl, `/api/v1/users/${user.id}`, { disabled: true }, adminHeaders, 'PATCH')).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/api/v1/auth/me`, { headers: bearer(session.accessToken) })).status).toBe(401);
    expect((await postJson(api.baseUrl, '/api/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    const disabledLogin = await login(api.baseUrl, 'wjw-2', 'password-2');
    expect(disabledLogin.status).toBe(403);
    expect(disabledLogin.body.error).toBe('account_disabled');

    const [admin] = await db.query("SELECT id FROM users WHERE username = 'admin'");
    expect((await postJson(api.baseUrl, `/api/v1/users/${admin.id}`, { disabled: true }, adminHeaders, 'PATCH')).status).toBe(409);
    expect((await postJson(api.baseUrl, '/api/v1/users/00000000-0000-4000-8000-000000000000', { disabled: true }, adminHeaders, 'PATCH')).status).toBe(404);
  });
});
