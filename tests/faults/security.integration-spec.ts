import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { bearer, createTestUser, postJson } from '../api-auth/auth-helpers';
import { eventually, openDatabase, useTestEnvironment } from '../support/duban-harness';
import { freeLoopbackPort } from '../support/private-services';
import { REPO_ROOT, type TestRun } from '../support/test-run';

/**
 * Security defects the probe found: tokens in the API log, a hard lock-out anyone
 * could trigger (admin included), 12345678 accepted as a password. The API runs as
 * its own process here, logging at info level, so the test reads exactly what an
 * operator's log would hold.
 */
describe('security: logs, lock-out, event-stream tickets, passwords', () => {
  let run: TestRun;
  let db: DataSource;
  let api: ChildProcess;
  let baseUrl: string;
  let log = '';

  beforeAll(async () => {
    run = useTestEnvironment('security-faults');
    db = await openDatabase(run);
    await seedDemoUsers(db);
    await createTestUser(db, { username: 'target-user', displayName: '被攻击的账号', role: 'supervisor', unitIds: [], password: 'target-user-password' });
    const port = await freeLoopbackPort();
    baseUrl = `http://127.0.0.1:${port}`;
    api = spawn(process.execPath, [join(REPO_ROOT, 'dist/apps/api/src/main.js')], {
      cwd: REPO_ROOT,
      env: { ...process.env, API_PORT: String(port), API_HOST: '127.0.0.1', LOG_LEVEL: 'info', TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '1000', DUBAN_SEED_ON_START: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    api.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    await eventually('the API to listen', async () => ((await fetch(`${baseUrl}/api/docs-json`).catch(() => null))?.status === 200 ? true : undefined), 60_000);
  });

  afterAll(async () => {
    if (api && api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGTERM');
      await exited;
    }
    await db?.destroy();
  });

  const signIn = (username: string, password: string, ip: string) => postJson(baseUrl, '/api/v1/auth/login', { username, password }, { 'x-forwarded-for': ip });

  it('never writes an access token, a refresh token or an event ticket to the log', async () => {
    const response = await signIn('supervisor', 'supervisor123', '10.0.0.1');
    expect(response.status).toBe(200);
    const { accessToken, refreshToken } = (await response.json()) as { accessToken: string; refreshToken: string };
    const ticketResponse = await fetch(`${baseUrl}/api/v1/events/tickets`, { method: 'POST', headers: bearer(accessToken) });
    expect(ticketResponse.status).toBe(201);
    const { ticket, streamUrl } = (await ticketResponse.json()) as { ticket: string; streamUrl: string };

    // The stream opens with the ticket; an access token in the URL is not read (tokens never ride in URLs).
    const stream = await fetch(`${baseUrl}${streamUrl}&since=${encodeURIComponent(new Date().toISOString())}`);
    expect(stream.status).toBe(200);
    await stream.body?.cancel();
    expect((await fetch(`${baseUrl}/api/v1/events/stream?access_token=${accessToken}`)).status).toBe(401);
    // A ticket is good for the stream only: as a bearer token it is refused.
    expect((await fetch(`${baseUrl}/api/v1/auth/me`, { headers: bearer(ticket) })).status).toBe(401);
    expect((await fetch(`${baseUrl}/api/v1/events/stream?ticket=not-a-ticket`)).status).toBe(401);
    await postJson(baseUrl, '/api/v1/auth/refresh', { refreshToken });
    await fetch(`${baseUrl}/api/v1/plans?access_token=${accessToken}`, { headers: bearer(accessToken) });
    // Request logs are written when responses finish: wait until the last one is in.
    await eventually('the request logs', async () => (log.includes('/api/v1/plans') ? true : undefined));

    expect(log).toContain('/api/v1/events/stream');
    for (const secret of [accessToken, refreshToken, ticket, accessToken.split('.')[2]!, ticket.split('.')[2]!]) {
      expect(log.includes(secret)).toBe(false);
    }
  });

  it('locks out one address after repeated failures, with backoff; the same account from elsewhere still signs in', async () => {
    for (let i = 0; i < 5; i += 1) expect((await signIn('admin', `guess-${i}-wrong`, '203.0.113.7')).status).toBe(401);
    const locked = await signIn('admin', 'admin123', '203.0.113.7');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(30);
    // The real administrator, elsewhere, is not locked out.
    expect((await signIn('admin', 'admin123', '198.51.100.20')).status).toBe(200);
    const rows = (await db.query("SELECT client_ip, failed_attempts FROM login_lockouts WHERE username = 'admin' ORDER BY client_ip")) as { client_ip: string; failed_attempts: number }[];
    expect(rows).toEqual([{ client_ip: '203.0.113.7', failed_attempts: 5 }]);
  });

  it('spreads guesses over many addresses: the account is slowed down, never locked', async () => {
    for (let i = 0; i < 12; i += 1) expect((await signIn('target-user', `guess-${i}-wrong`, `192.0.2.${i + 1}`)).status).toBe(401);
    const started = Date.now();
    expect((await signIn('target-user', 'target-user-password', '198.51.100.30')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('refuses common and simple passwords', async () => {
    const headers = bearer(((await (await signIn('admin', 'admin123', '198.51.100.21')).json()) as { accessToken: string }).accessToken);
    for (const password of ['12345678', 'password', 'qwertyuiop', 'aaaaaaaa']) {
      const response = await postJson(baseUrl, '/api/v1/users', { username: `weak-${password.length}`, displayName: '弱密码', role: 'supervisor', unitIds: [], password }, headers);
      expect({ password, status: response.status }).toEqual({ password, status: 400 });
    }
    expect((await postJson(baseUrl, '/api/v1/users', { username: 'strong-one', displayName: '强密码', role: 'supervisor', unitIds: [], password: '督办系统 2027 年度考核' }, headers)).status).toBe(201);
  });
});
