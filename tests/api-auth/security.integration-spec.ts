import type { DataSource } from 'typeorm';
import { openDatabase, startApi, useTestEnvironment } from '../support/duban-harness';
import { bearer, postJson, signInAsDemoAdmin, type ErrorBody } from './auth-helpers';

describe('HTTP security layer: headers, CORS, body limit, metrics, throttling', () => {
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  let adminHeaders: Record<string, string>;

  beforeAll(async () => {
    const run = useTestEnvironment('api-security');
    process.env.CORS_ORIGINS = 'https://duban.example.gov.cn';
    process.env.LOGIN_RATE_LIMIT = '1000';
    delete process.env.METRICS_TOKEN;
    api = await startApi();
    db = await openDatabase(run);
    adminHeaders = (await signInAsDemoAdmin(api.baseUrl, db)).headers;
  });

  afterAll(async () => {
    await api?.stop();
    await db?.destroy();
  });

  it('sends helmet headers with a CSP that still serves Swagger UI from this origin', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-powered-by')).toBeNull();
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');

    const docs = await fetch(`${api.baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
    const html = await docs.text();
    // Every script of the page is an external one from this origin (allowed by script-src 'self').
    expect(html).toContain('swagger-ui-bundle.js');
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).toEqual([]);
    expect((await fetch(`${api.baseUrl}/api/docs/swagger-ui-init.js`)).status).toBe(200);
    expect((await fetch(`${api.baseUrl}/api/docs-json`)).status).toBe(200);
  });

  it('allows CORS only for the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${api.baseUrl}/api/v1/auth/login`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    const allowed = await preflight('https://duban.example.gov.cn');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://duban.example.gov.cn');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a JSON body over 1 MB with 413 in the one error shape', async () => {
    const response = await postJson(api.baseUrl, '/api/v1/users', { padding: 'x'.repeat(1024 * 1024 + 10) }, adminHeaders);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ statusCode: 413, error: 'payload_too_large', code: 'payload_too_large', message: '提交的内容超过 1mb 上限（request body exceeds the 1mb limit）' });
    const malformed = await fetch(`${api.baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error).toBe('bad_request');
  });

  it('serves Prometheus metrics to loopback clients without a user token', async () => {
    await fetch(`${api.baseUrl}/api/v1/users`, { headers: adminHeaders });
    await fetch(`${api.baseUrl}/api/v1/users`);
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('# TYPE http_requests_total counter');
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/users",status="200"\} [1-9]/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/users",status="401"\} [1-9]/);
    expect(text).toMatch(/http_requests_total\{method="POST",route="\(unmatched\)",status="413"\} [1-9]/);
    expect(text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/api\/v1\/users",status="200"\}/);
    expect(text).toContain('# TYPE duban_workflow_events_total counter');
    expect(text).toContain('duban_process_cpu_user_seconds_total');
  });

  describe('with METRICS_TOKEN and a low sign-in rate limit', () => {
    let strict: Awaited<ReturnType<typeof startApi>>;

    beforeAll(async () => {
      process.env.METRICS_TOKEN = 'scrape-secret-for-tests';
      process.env.LOGIN_RATE_LIMIT = '3';
      strict = await startApi();
    });

    afterAll(async () => {
      await strict?.stop();
      delete process.env.METRICS_TOKEN;
    });

    it('requires the metrics token, even from loopback', async () => {
      expect((await fetch(`${strict.baseUrl}/metrics`)).status).toBe(401);
      expect((await fetch(`${strict.baseUrl}/metrics`, { headers: bearer('wrong') })).status).toBe(401);
      expect((await fetch(`${strict.baseUrl}/metrics`, { headers: bearer('scrape-secret-for-tests') })).status).toBe(200);
    });

    it('throttles sign-in attempts per client IP with 429', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) statuses.push((await postJson(strict.baseUrl, '/api/v1/auth/login', { username: `nobody${i}`, password: 'whatever1' })).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const throttled = await postJson(strict.baseUrl, '/api/v1/auth/login', { username: 'admin', password: 'admin123' });
      expect(throttled.status).toBe(429);
      expect(await throttled.json()).toMatchObject({ statusCode: 429, error: 'too_many_requests', message: '登录请求过于频繁，请稍后再试' });
    });
  });
});
