import 'reflect-metadata';
import autocannon from 'autocannon';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
async function main() {
  const { createApiApp } = await import('../apps/api/src/create-api-app');
  const app = await createApiApp();
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cal-unit', password: 'bench-password-1' }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const url = `${base}${process.argv[2] ?? '/api/v1/inbox'}`;
  const run = (d: number) => autocannon({ url, connections: 10, duration: d, workers: 1, headers: { authorization: `Bearer ${accessToken}` } });
  await run(4);
  const session = new Session(); session.connect();
  await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 200 }); await session.post('Profiler.start');
  const r = await run(5);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync('/tmp/cal/inbox.cpuprofile', JSON.stringify(profile));
  console.log(r.requests.average, 'req/s');
  await app.close();
}
main();
