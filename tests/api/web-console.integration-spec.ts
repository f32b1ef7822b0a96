import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApi, useTestEnvironment } from '../support/duban-harness';

/** The API serves the web console at / without shadowing its own routes. */
describe('web console serving', () => {
  const folder = mkdtempSync(join(tmpdir(), 'duban-web-'));
  let api: Awaited<ReturnType<typeof startApi>>;
  let unbuilt: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => {
    useTestEnvironment('web-console');
    mkdirSync(join(folder, 'built', 'assets'), { recursive: true });
    writeFileSync(join(folder, 'built', 'index.html'), '<!doctype html><title>督办</title><div id="root"></div>');
    writeFileSync(join(folder, 'built', 'assets', 'index-Ab12Cd.js'), 'console.log("console")');
    process.env.DUBAN_WEB_DIR = join(folder, 'built');
    api = await startApi();
    process.env.DUBAN_WEB_DIR = join(folder, 'missing');
    unbuilt = await startApi();
    delete process.env.DUBAN_WEB_DIR;
  });

  afterAll(async () => {
    await api?.stop();
    await unbuilt?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const get = (base: string, path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

  it('answers index.html, not cached, for / and every client-side route', async () => {
    for (const path of ['/', '/ledger?light=red', '/assignments/0b0c6c1e-0000-4000-8000-000000000000', '/admin/users']) {
      const response = await get(api.baseUrl, path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await response.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a year-long cache, and a missing one as 404 (never the page)', async () => {
    const asset = await get(api.baseUrl, '/assets/index-Ab12Cd.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const missing = await get(api.baseUrl, '/assets/index-Old123.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('<div id="root">');
    expect((await get(api.baseUrl, '/robots.txt')).status).toBe(404);
  });

  it('never shadows the API, health, metrics or the API docs', async () => {
    const health = await get(api.baseUrl, '/health');
    expect(health.headers.get('content-type')).toContain('application/json');
    const unauthenticated = await get(api.baseUrl, '/api/v1/plans');
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('content-type')).toContain('application/json');
    const unknown = await get(api.baseUrl, '/api/v1/no-such-resource');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('<div id="root">');
    expect(await (await get(api.baseUrl, '/api/docs')).text()).toContain('swagger');
    expect(await (await get(api.baseUrl, '/metrics')).text()).not.toContain('<div id="root">');
    const post = await get(api.baseUrl, '/ledger', { method: 'POST' });
    expect(post.status).toBe(404);
  });

  it('says in Chinese how to build the console when it is missing', async () => {
    const response = await get(unbuilt.baseUrl, '/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('网页控制台尚未构建');
    expect((await get(unbuilt.baseUrl, '/health')).headers.get('content-type')).toContain('application/json');
  });
});
