import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { bearer, createTestUser, signIn } from '../api-auth/auth-helpers';
import { eventually, openDatabase, useTestEnvironment } from '../support/duban-harness';
import { REPO_ROOT } from '../support/test-run';

const PASSWORD = 'cluster-password-1';

/** A GET on a connection of its own (no keep-alive), so the kernel hands each request to an API process afresh. */
function getOnNewConnection(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** utime + stime of a process, in clock ticks. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The inbox route's request count in a Prometheus scrape (summed over its status labels). */
function inboxRequests(metrics: string): number {
  return metrics
    .split('\n')
    .filter((line) => line.startsWith('http_requests_total{') && line.includes('route="/api/v1/inbox"'))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

/**
 * The API as deployed with API_PROCESSES=2 (apps/api's main, built): a primary
 * that supervises two API processes on one port. Without JWT_SECRET the
 * processes must share one key, or a token signed by one is refused by the other.
 */
describe('the API as a cluster of processes (API_PROCESSES=2)', () => {
  let db: DataSource;
  let primary: ChildProcess;
  let exited: Promise<number | null>;
  let stderr = '';
  let baseUrl: string;
  const username = `cluster-${Date.now()}`;

  const listeningLines = () => [...stderr.matchAll(/API process (\d+) listening on port (\d+) \(pid (\d+)\)/g)];
  /** pid of each API process by index, as the primary reports them listening (the latest for a restarted one). */
  const listening = (): Map<number, number> => new Map(listeningLines().map((match) => [Number(match[1]), Number(match[3])]));

  beforeAll(async () => {
    const run = useTestEnvironment('api-cluster');
    db = await openDatabase(run);
    await createTestUser(db, { username, displayName: '集群测试', role: 'unit_staff', unitIds: ['集群测试局'], password: PASSWORD });
    // Port 0: the primary picks a free port, shared by both processes, and names it when each listens.
    const env: Record<string, string | undefined> = { ...process.env, API_PORT: '0', API_HOST: '127.0.0.1', API_PROCESSES: '2', DUBAN_SEED_ON_START: 'false' };
    delete env.JWT_SECRET;
    primary = spawn(process.execPath, [join(REPO_ROOT, 'dist/apps/api/src/main.js')], { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    primary.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    exited = new Promise((resolve) => primary.once('exit', (code) => resolve(code)));
    await eventually('both API processes to listen', async () => (listening().size === 2 ? true : undefined), 90_000);
    const ports = new Set(listeningLines().map((match) => match[2]));
    expect(ports.size).toBe(1);
    baseUrl = `http://127.0.0.1:${[...ports][0]}`;
  });

  afterAll(async () => {
    if (primary.exitCode === null) primary.kill('SIGKILL');
    for (const pid of listening().values()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    await db.destroy();
  });

  it('shares the port: fresh connections reach both processes, a token signed by either is accepted by both, and /metrics sums them', async () => {
    const { accessToken } = await signIn(baseUrl, username, PASSWORD);
    const [first, second] = [...listening().values()];
    const before = [cpuTicks(first!), cpuTicks(second!)];
    const statuses: number[] = [];
    for (let i = 0; i < 60; i += 1) statuses.push((await getOnNewConnection(`${baseUrl}/api/v1/inbox`, bearer(accessToken))).status);
    // Every request authenticated, whichever process signed the token and whichever answered.
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // Both did work (CPU ticks are 10 ms; 30 authenticated requests each cost far more than one tick).
    expect(cpuTicks(first!)).toBeGreaterThan(before[0]!);
    expect(cpuTicks(second!)).toBeGreaterThan(before[1]!);
    // Any scrape, whichever process it reaches, counts the requests of both.
    for (let i = 0; i < 4; i += 1) {
      const scrape = await getOnNewConnection(`${baseUrl}/metrics`);
      expect(scrape.status).toBe(200);
      expect(inboxRequests(scrape.body)).toBe(60);
    }
  });

  it('starts a process that dies again, and keeps answering meanwhile', async () => {
    const killed = listening().get(1)!;
    process.kill(killed, 'SIGKILL');
    await eventually('process 1 to be started again', async () => {
      const pid = listening().get(1);
      return pid !== undefined && pid !== killed ? pid : undefined;
    }, 90_000);
    expect(stderr).toMatch(/API process 1 exited \(SIGKILL\); starting it again/);
    const { accessToken } = await signIn(baseUrl, username, PASSWORD);
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await getOnNewConnection(`${baseUrl}/api/v1/inbox`, bearer(accessToken))).status);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });

  it('stops every process on SIGTERM', async () => {
    const pids = [...listening().values()];
    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    await eventually('every API process to exit', async () => (pids.every((pid) => !alive(pid)) ? true : undefined), 10_000);
  });
});
