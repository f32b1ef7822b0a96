import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { seedDemoUsers } from '@duban/accounts';
import { bearer, createTestUser, signIn } from '../../api-auth/auth-helpers';
import { eventually, openDatabase, startApi, startWorker, useTestEnvironment } from '../../support/duban-harness';
import { testSpeedSettings } from '../../support/plan-fixtures';
import { insertSyntheticPlan, ensureSyntheticUnits } from '../../support/synthetic-plan';
import { REPO_ROOT, type TestRun } from '../../support/test-run';
import { launchBrowser } from './browser';

export interface ConsoleWorld {
  /** The unit-staff test user and their unit (the world's own: test files share one database). */
  readonly staff: { readonly username: string; readonly password: string; readonly unit: string };
  /** Another unit holding the same tasks. */
  readonly otherUnit: string;
  /** Task titles of the on-time plan are `${taskPrefix}1`…, of the overdue plan `${overduePrefix}1`…. */
  readonly taskPrefix: string;
  readonly overduePrefix: string;
  readonly run: TestRun;
  readonly baseUrl: string;
  readonly db: DataSource;
  readonly browser: Awaited<ReturnType<typeof launchBrowser>>['browser'];
  /** A plan due in the future: tasks 1–3 × three units (staff.unit, otherUnit, a third). */
  readonly onTimePlanId: string;
  /** A plan whose assignments fall due at once and climb the ladder in seconds: tasks 1–2 × the same units. */
  readonly overduePlanId: string;
  /** A bearer header for `username` (signed in once per call). */
  headersOf(username: string, password: string): Promise<Record<string, string>>;
  assignmentOf(planId: string, unit: string, taskNumber: number): Promise<string>;
  stop(): Promise<void>;
}

async function publish(baseUrl: string, headers: Record<string, string>, db: DataSource, planId: string, count: number): Promise<void> {
  const response = await fetch(`${baseUrl}/api/v1/plans/${planId}/publish`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
  if (response.status !== 202) throw new Error(`publish failed: ${response.status} ${await response.text()}`);
  await eventually(`plan ${planId} to start its ${count} assignment workflows`, async () => {
    const [{ n }] = await db.query('SELECT count(*) FILTER (WHERE workflow_started)::int AS n FROM assignments WHERE plan_id = $1', [planId]);
    return n === count ? true : undefined;
  }, 90_000);
}

/** Gives a stored synthetic plan this world's unit names (市第N局 → 市<tag>第N局) and task titles. */
async function personalise(db: DataSource, planId: string, tag: string, taskPrefix: string, title: string): Promise<void> {
  await db.query(`UPDATE plans SET parsed = replace(replace(parsed::text, '市第', $2), '合成任务', $3)::jsonb, title = $4 WHERE id = $1`, [planId, `市${tag}第`, taskPrefix, title]);
  // The renamed units are directory units of the synthetic city, or the publish gate refuses the plan.
  const [{ parsed }] = (await db.query('SELECT parsed FROM plans WHERE id = $1', [planId])) as { parsed: { tasks: { units: string[] }[] } }[];
  await ensureSyntheticUnits(db, [...new Set(parsed.tasks.flatMap((task) => task.units))]);
}

/**
 * The whole system for browser tests: worker and API in this process (the API
 * serving the built console from dist/web), demo users plus a unit-staff user,
 * two published plans of units of the world's own (`tag`: the run's test files
 * share one database), and a headless Chromium.
 */
export async function startConsoleWorld(name: string, tag: string): Promise<ConsoleWorld> {
  if (!existsSync(join(REPO_ROOT, 'dist/web/index.html'))) throw new Error('the web console is not built: npm test builds it (tools/bootstrap/lib/build-web.cjs)');
  const run = useTestEnvironment(name);
  process.env.LOGIN_RATE_LIMIT = '10000';
  delete process.env.DUBAN_WEB_DIR;
  const worker = await startWorker(run);
  // A world that cannot be set up stops what it started: a worker left running outlives its test file and fails the next ones.
  const started: { stop(): Promise<unknown> }[] = [worker];
  try {
    return await setUp();
  } catch (error) {
    for (const part of started.reverse()) await part.stop().catch(() => undefined);
    throw error;
  }

  async function setUp(): Promise<ConsoleWorld> {
    const api = await startApi();
    started.push(api);
    const db = await openDatabase(run);
    started.push({ stop: () => db.destroy() });
    await seedDemoUsers(db);
    const staff = { username: `staff-${name}`, password: 'staff-password-1', unit: `市${tag}第1局` };
    await createTestUser(db, { username: staff.username, displayName: `${tag}第1局经办人`, role: 'unit_staff', unitIds: [staff.unit], password: staff.password });
    // Signed in afresh for each publish: a test may shorten access tokens to seconds, and setup on a loaded machine takes longer.
    const admin = async () => bearer((await signIn(api.baseUrl, 'admin', 'admin123')).accessToken);

    const taskPrefix = `${tag}组任务`;
    const overduePrefix = `${tag}组逾期任务`;
    const onTimePlanId = await insertSyntheticPlan(db, 3, 3);
    const overduePlanId = await insertSyntheticPlan(db, 2, 3, testSpeedSettings(1000, 1000));
    await personalise(db, onTimePlanId, tag, taskPrefix, `${tag}组行动方案`);
    await personalise(db, overduePlanId, tag, overduePrefix, `${tag}组逾期演练方案`);
    await publish(api.baseUrl, await admin(), db, onTimePlanId, 9);
    await publish(api.baseUrl, await admin(), db, overduePlanId, 6);
    const { browser, close } = await launchBrowser();

    return {
      staff,
      otherUnit: `市${tag}第2局`,
      taskPrefix,
      overduePrefix,
      run,
      baseUrl: api.baseUrl,
      db,
      browser,
      onTimePlanId,
      overduePlanId,
      headersOf: async (username, password) => bearer((await signIn(api.baseUrl, username, password)).accessToken),
      async assignmentOf(planId, unit, taskNumber) {
        const [row] = await db.query('SELECT id FROM assignments WHERE plan_id = $1 AND unit_name = $2 AND task_number = $3', [planId, unit, taskNumber]);
        if (!row) throw new Error(`no assignment of ${unit} for task ${taskNumber}`);
        return row.id as string;
      },
      async stop() {
        await close();
        await api.stop();
        await worker.stop();
        await db.destroy();
      },
    };
  }
}

/** POSTs an action as a user (setting the scene for the journey under test). */
export async function act(world: ConsoleWorld, headers: Record<string, string>, assignmentId: string, action: string, body: Record<string, unknown> = {}): Promise<void> {
  const response = await fetch(`${world.baseUrl}/api/v1/assignments/${assignmentId}/actions/${action}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.status !== 200) throw new Error(`${action} on ${assignmentId} failed: ${response.status} ${await response.text()}`);
}

/** The assignment's row in the read model once `ready` holds for it. */
export async function assignmentRow(world: ConsoleWorld, id: string, what: string, ready: (row: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  return eventually(what, async () => {
    // Dates as text (the driver would make JS Dates of them).
    const [row] = await world.db.query('SELECT *, due_date::text AS due_date FROM assignments WHERE id = $1', [id]);
    return row && ready(row) ? (row as Record<string, unknown>) : undefined;
  }, 30_000);
}
