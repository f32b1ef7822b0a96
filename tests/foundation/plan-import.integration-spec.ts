import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventually, openDatabase, startApi, startWorker, useTestEnvironment } from '../support/duban-harness';
import type { TestRun } from '../support/test-run';
import { signInAsDemoAdmin } from '../api-auth/auth-helpers';
import { uniquePlanDocument } from '../support/plan-fixtures';


/**
 * The foundation's end-to-end slice: an API call starts a Temporal workflow,
 * its activity writes a row to Postgres and enqueues a BullMQ job, the worker's
 * processor handles it, and the API shows the result.
 */
describe('plan import: API → Temporal → Postgres → BullMQ → API', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let api: Awaited<ReturnType<typeof startApi>>;
  let db: DataSource;
  /** Every /api/v1 call carries the demo admin's access token. */
  let auth: Record<string, string>;
  /** This test's own document: the seed plans are shared with other test files of the run. */
  let document: Buffer;

  beforeAll(async () => {
    run = useTestEnvironment('plan-import');
    document = uniquePlanDocument(`导入${run.id}`);
    worker = await startWorker(run);
    api = await startApi();
    db = await openDatabase(run);
    auth = (await signInAsDemoAdmin(api.baseUrl, db)).headers;
  });

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    await db?.destroy();
  });

  async function upload(bytes: Buffer, fileName: string): Promise<Response> {
    const form = new FormData();
    form.append('file', new Blob([bytes]), fileName);
    return fetch(`${api.baseUrl}/api/v1/plans`, { method: 'POST', body: form, headers: auth });
  }

  it('reports PostgreSQL, Redis, Temporal and the worker healthy', async () => {
    const response = await fetch(`${api.baseUrl}/health`);
    const body = (await response.json()) as { status: string; info: Record<string, { status: string }> };
    expect(response.status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.info).sort()).toEqual(['postgres', 'redis', 'temporal', 'worker']);
  });

  it('imports a plan document, delivers the notice to the admin inbox and shows both', async () => {
    const bytes = document;
    const response = await upload(bytes, 'special-action-plan.txt');
    expect(response.status).toBe(201);
    const imported = (await response.json()) as { planId: string; created: boolean; plan: { title: string; taskCount: number; status: string } };
    expect(imported.created).toBe(true);
    expect(imported.plan.status).toBe('draft');
    expect(imported.plan.taskCount).toBeGreaterThan(0);

    // The row the activity wrote, keyed by the document's hash.
    const sourceHash = createHash('sha256').update(bytes).digest('hex');
    const rows = await db.query('SELECT id, title, task_count FROM plans WHERE source_hash = $1', [sourceHash]);
    expect(rows).toEqual([{ id: imported.planId, title: imported.plan.title, task_count: imported.plan.taskCount }]);

    // The BullMQ processor delivered the outbox message to the admin inbox; the API shows it.
    const notice = await eventually('the plan.imported notice in the admin inbox', async () => {
      const inbox = ((await (await fetch(`${api.baseUrl}/api/v1/inbox?recipient=role:admin`, { headers: auth })).json()) as { items: Array<{ kind: string; payload: { planId?: string }; title: string }> }).items;
      return inbox.find((item) => item.kind === 'plan.imported' && item.payload.planId === imported.planId);
    });
    expect(notice.title).toContain(imported.plan.title);
    const [outbox] = await db.query("SELECT status, attempts FROM outbox_messages WHERE payload->>'planId' = $1", [imported.planId]);
    expect(outbox).toEqual({ status: 'delivered', attempts: 1 });

    const plan = (await (await fetch(`${api.baseUrl}/api/v1/plans/${imported.planId}`, { headers: auth })).json()) as { id: string; title: string };
    expect(plan).toMatchObject({ id: imported.planId, title: imported.plan.title });
  });

  it('imports the same document once: a second upload returns the same plan and notifies nobody again', async () => {
    const bytes = document;
    const again = (await (await upload(bytes, 'renamed-copy.txt')).json()) as { planId: string; created: boolean };
    expect(again.created).toBe(false);
    const sourceHash = createHash('sha256').update(bytes).digest('hex');
    const [{ plans }] = await db.query('SELECT count(*)::int AS plans FROM plans WHERE source_hash = $1', [sourceHash]);
    const [{ inbox }] = await db.query("SELECT count(*)::int AS inbox FROM inbox_messages WHERE payload->>'planId' = $1", [again.planId]);
    expect({ plans, inbox }).toEqual({ plans: 1, inbox: 1 });
  });

  it('refuses a document that is not a plan with 422 and stores nothing', async () => {
    const [{ before }] = await db.query('SELECT count(*)::int AS before FROM plans');
    const response = await upload(Buffer.from('这是一段没有任何任务的文字。'.repeat(20)), 'notes.txt');
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('invalid_document');
    expect(body.message.length).toBeGreaterThan(0);
    const [{ after }] = await db.query('SELECT count(*)::int AS after FROM plans');
    expect(after).toBe(before);
  });

  it('answers 404 for an unknown plan and 400 for an upload without a file', async () => {
    expect((await fetch(`${api.baseUrl}/api/v1/plans/00000000-0000-4000-8000-000000000000`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/v1/plans/not-a-uuid`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${api.baseUrl}/api/v1/plans`, { method: 'POST', body: new FormData(), headers: auth })).status).toBe(400);
  });
});
