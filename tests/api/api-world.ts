import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { bearer, createTestUser, signIn } from '../api-auth/auth-helpers';
import { eventually, openDatabase, startApi, startWorker, useTestEnvironment } from '../support/duban-harness';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import type { TestRun } from '../support/test-run';

export const PERSONAS = ['anonymous', 'staff_other_unit', 'staff_own_unit', 'supervisor', 'coordinator', 'admin'] as const;
export type Persona = (typeof PERSONAS)[number];

/** The unit of the unit-staff test user, and another unit it must never see. */
export const OWN_UNIT = '市第1局';
export const OTHER_UNIT = '市第2局';

export interface ApiWorld {
  readonly run: TestRun;
  readonly baseUrl: string;
  readonly db: DataSource;
  readonly app: Awaited<ReturnType<typeof startApi>>['app'];
  /** Authorization headers per persona (none for anonymous); staff_own_unit and staff_other_unit are the same unit user. */
  readonly headers: Record<Persona, Record<string, string>>;
  readonly tokens: Record<Exclude<Persona, 'anonymous'>, string>;
  /** A published synthetic plan: tasks 1–2 × units 市第1局…市第3局. */
  readonly publishedPlanId: string;
  readonly draftPlanId: string;
  assignmentOf(unit: string, taskNumber?: number): Promise<string>;
  /** An inbox message to `recipient`, inserted directly. */
  insertMessage(recipient: string): Promise<string>;
  /** Stops the worker (the API keeps running): Updates then wait for a worker that is not there. */
  stopWorker(): Promise<void>;
  /** Starts a worker again after stopWorker. */
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** Worker, API, demo users plus a unit user of 市第1局, a published and a draft plan. */
export async function startApiWorld(name: string): Promise<ApiWorld> {
  const run = useTestEnvironment(name);
  process.env.LOGIN_RATE_LIMIT = '10000';
  let worker: Awaited<ReturnType<typeof startWorker>> | null = await startWorker(run);
  const api = await startApi();
  const db = await openDatabase(run);
  try {
    return await prepareWorld(name, run, api, db, () => worker, (next) => (worker = next));
  } catch (error) {
    // A world that could not be set up stops what it started: nothing keeps running into later test files.
    await api.stop().catch(() => undefined);
    await worker?.stop().catch(() => undefined);
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

async function prepareWorld(
  name: string,
  run: TestRun,
  api: Awaited<ReturnType<typeof startApi>>,
  db: DataSource,
  currentWorker: () => Awaited<ReturnType<typeof startWorker>> | null,
  setWorker: (worker: Awaited<ReturnType<typeof startWorker>> | null) => void,
): Promise<ApiWorld> {
  await seedDemoUsers(db);
  const staffName = `staff-${name}-${randomUUID().slice(0, 6)}`;
  await createTestUser(db, { username: staffName, displayName: '第1局经办人', role: 'unit_staff', unitIds: [OWN_UNIT], password: 'staff-password-1' });
  const tokens = {
    staff_own_unit: (await signIn(api.baseUrl, staffName, 'staff-password-1')).accessToken,
    staff_other_unit: '',
    supervisor: (await signIn(api.baseUrl, 'supervisor', 'supervisor123')).accessToken,
    coordinator: (await signIn(api.baseUrl, 'coordinator', 'coordinator123')).accessToken,
    admin: (await signIn(api.baseUrl, 'admin', 'admin123')).accessToken,
  };
  tokens.staff_other_unit = tokens.staff_own_unit;
  const headers = {
    anonymous: {},
    staff_other_unit: bearer(tokens.staff_other_unit),
    staff_own_unit: bearer(tokens.staff_own_unit),
    supervisor: bearer(tokens.supervisor),
    coordinator: bearer(tokens.coordinator),
    admin: bearer(tokens.admin),
  };

  const publishedPlanId = await insertSyntheticPlan(db, 2, 3);
  const draftPlanId = await insertSyntheticPlan(db, 2, 2);
  const published = await fetch(`${api.baseUrl}/api/v1/plans/${publishedPlanId}/publish`, { method: 'POST', headers: { ...headers.admin, 'content-type': 'application/json' }, body: '{}' });
  if (published.status !== 202) throw new Error(`publish failed: ${published.status} ${await published.text()}`);
  await eventually('the published plan to start its 6 assignment workflows', async () => {
    const [{ n }] = await db.query('SELECT count(*) FILTER (WHERE workflow_started)::int AS n FROM assignments WHERE plan_id = $1', [publishedPlanId]);
    return n === 6 ? true : undefined;
  }, 60_000);

  return {
    run,
    baseUrl: api.baseUrl,
    db,
    app: api.app,
    headers,
    tokens,
    publishedPlanId,
    draftPlanId,
    async assignmentOf(unit, taskNumber = 1) {
      const [row] = await db.query('SELECT id FROM assignments WHERE plan_id = $1 AND unit_name = $2 AND task_number = $3', [publishedPlanId, unit, taskNumber]);
      if (!row) throw new Error(`no assignment of ${unit} for task ${taskNumber}`);
      return row.id as string;
    },
    async insertMessage(recipient) {
      const [row] = await db.query(
        "INSERT INTO inbox_messages (outbox_message_id, recipient, kind, title, body, payload) VALUES ($1, $2, 'test.notice', '测试通知', '测试内容', '{}') RETURNING id",
        [randomUUID(), recipient],
      );
      return row.id as string;
    },
    async stopWorker() {
      await currentWorker()?.stop();
      setWorker(null);
    },
    async startWorker() {
      if (!currentWorker()) setWorker(await startWorker(run));
    },
    async stop() {
      await api.stop();
      await currentWorker()?.stop();
      await db.destroy();
    },
  };
}

/** Sends a request; JSON bodies are serialized unless given as a string. */
export async function call(world: Pick<ApiWorld, 'baseUrl'>, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}) {
  const init: RequestInit = { method, headers: { ...(options.headers ?? {}) } };
  if (options.body !== undefined) {
    init.body = typeof options.body === 'string' || options.body instanceof FormData ? options.body : JSON.stringify(options.body);
    if (!(options.body instanceof FormData)) (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${world.baseUrl}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.status, body: body as Record<string, unknown> & { message?: unknown; error?: unknown; details?: Record<string, unknown> }, headers: response.headers };
}

/** Every route Express has for the Nest app, as "METHOD /openapi/{style}" (Swagger UI's own routes left out). */
export function registeredRoutes(app: ApiWorld['app']): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    // Swagger UI's own routes, and Nest's catch-all that answers 404 for unknown paths.
    if (!layer.route || layer.route.path.startsWith('/api/docs') || layer.route.path === '/{*path}') continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method === '_all' || method === 'head') continue;
      routes.add(`${method.toUpperCase()} ${layer.route.path.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return [...routes].sort();
}

/** The operations of the OpenAPI document, as "METHOD /path". */
export function documentedRoutes(document: { paths: Record<string, Record<string, unknown>> }): string[] {
  const methods = ['get', 'post', 'put', 'patch', 'delete'];
  return Object.entries(document.paths)
    .flatMap(([path, item]) => Object.keys(item).filter((key) => methods.includes(key)).map((method) => `${method.toUpperCase()} ${path}`))
    .sort();
}
