import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { linkLegacyRecipients, organisationId, PlanEntity, type JsonObject } from '@duban/persistence';
import { AssignmentService, ChannelSubscriptionService, EventFeedService, InboxService, mailboxesOf, PlanService } from '@duban/services';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { ensureSyntheticUnits, insertSyntheticPlan, SYNTHETIC_JURISDICTION_ID, syntheticPlan } from '../support/synthetic-plan';

const admin: Actor = { role: 'admin', unitIds: [], id: 'test-admin' };
const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'test-coordinator' };

/**
 * Issue 8: inbox recipients, events, notifications and channel subscriptions carry the unit id (names for
 * display), on real PostgreSQL, Redis and Temporal. The assignment workflows still key their unit by the name
 * they were started with; the activities address the outbox by the assignment row's unit id.
 */
describe('notifications addressed by unit id', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  const tag = randomUUID().slice(0, 6);
  const prefix = `收件${tag}第`;
  const lead = `${prefix}1局`;
  const support = `${prefix}2局`;
  const target = `收件${tag}改派局`;
  const idOf = (name: string) => organisationId(`unit:合成市/${name}`);

  beforeAll(async () => {
    const run = useTestEnvironment('recipients');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  it('publishing, declining and reassigning notify units by id; staff scoped by id read them; the new holder row has its unit id', async () => {
    const since = new Date(Date.now() - 1000);
    const planId = await insertSyntheticPlan(db, 1, 2, {}, prefix);
    await ensureSyntheticUnits(db, [target]);
    await services.get(PlanService).publish(planId, admin, { wait: true });

    // One "new tasks" notice per unit, addressed by its id, its name beside it.
    const notices = await eventually('the plan.published notices in the inboxes', async () => {
      const rows = (await db.query("SELECT recipient, recipient_name FROM inbox_messages WHERE kind = 'plan.published' AND payload->>'planId' = $1 ORDER BY recipient_name", [planId])) as {
        recipient: string;
        recipient_name: string;
      }[];
      return rows.length === 2 ? rows : undefined;
    }, 120_000);
    expect(notices).toEqual([
      { recipient: idOf(lead), recipient_name: lead },
      { recipient: idOf(support), recipient_name: support },
    ]);

    // A unit's staff scoped by the unit id read their inbox (and only theirs).
    const staff: Actor = { role: 'unit_staff', unitIds: [idOf(lead)], id: `staff-${tag}` };
    const inbox = await services.get(InboxService).listFor(mailboxesOf(staff), { kind: 'plan.published' });
    expect(inbox.items.filter((item) => item.payload.planId === planId).map((item) => [item.recipient, item.recipientName])).toEqual([[idOf(lead), lead]]);

    const assignments = services.get(AssignmentService);
    const { items } = await assignments.list({ planId });
    const held = items.find((item) => item.unitName === lead)!;
    await assignments.act(held.id, { type: 'decline', reason: '不属于本单位职责' }, staff);
    await assignments.act(held.id, { type: 'reassign', toUnit: target, reason: '职责调整' }, coordinator);

    // The declined unit hears of the 改派 by its id.
    const reassignedNotice = await eventually('the reassigned notice to the old holder', async () => {
      const [row] = (await db.query("SELECT recipient, recipient_name FROM outbox_messages WHERE kind = 'assignment.reassigned' AND payload->>'assignmentId' = $1", [held.id])) as {
        recipient: string;
        recipient_name: string;
      }[];
      return row;
    });
    expect(reassignedNotice).toEqual({ recipient: idOf(lead), recipient_name: lead });
    // The new holder's row carries the directory id of the unit the coordinator named.
    const moved = await eventually('the new holder’s row', async () => {
      const [row] = (await db.query('SELECT unit_id::text AS unit_id, unit_name FROM assignments WHERE plan_id = $1 AND unit_name = $2', [planId, target])) as { unit_id: string | null; unit_name: string }[];
      return row;
    });
    expect(moved).toEqual({ unit_id: idOf(target), unit_name: target });

    // The live event feed filters by unit id and says which unit (id and name).
    const feed = await services.get(EventFeedService).since(since, [idOf(lead)]);
    const declined = feed.find((event) => event.assignmentId === held.id && event.type === 'declined');
    expect(declined).toMatchObject({ unitId: idOf(lead), unitName: lead });
    expect(feed.every((event) => event.unitId === idOf(lead))).toBe(true);
  });

  it('channel subscriptions are kept by unit id: a unit id or a name only one unit goes by is accepted, an unknown name refused', async () => {
    const channels = services.get(ChannelSubscriptionService);
    const own = `渠道${tag}局`;
    await ensureSyntheticUnits(db, [own]);
    await channels.replace(idOf(own), [{ kind: 'email', target: { to: 'unit@example.gov.cn' } }]);
    expect((await channels.list(own)).map((channel) => channel.kind)).toEqual(['email']);
    const [stored] = (await db.query('SELECT unit, unit_name FROM channel_subscriptions WHERE unit = $1', [idOf(own)])) as { unit: string; unit_name: string }[];
    expect(stored).toEqual({ unit: idOf(own), unit_name: own });
    await expect(channels.replace(`不存在${tag}局`, [])).rejects.toMatchObject({ code: 'not_found' });
    // 市卫健委 is a body in each seed city: by name it is ambiguous, so refused with the reason.
    await expect(channels.list('市卫健委')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('不同城市') });
  });

  it('rows written while recipients were names move to unit ids on migrate (names kept for display); what no single unit answers to stays', async () => {
    const planId = await insertSyntheticPlan(db, 1, 1, {}, `旧址${tag}第`);
    await services.get(PlanService).publish(planId, admin, { wait: true });
    const unit = `旧址${tag}第1局`;
    const [row] = (await db.query('SELECT id FROM assignments WHERE plan_id = $1', [planId])) as { id: string }[];
    const outboxId = randomUUID();
    await db.query(
      "INSERT INTO outbox_messages (id, idempotency_key, kind, recipient, title, body, payload, status) VALUES ($1, $2, 'assignment.urged', $3, '催办', '请加快办理', $4, 'delivered')",
      [outboxId, `legacy:${tag}`, unit, JSON.stringify({ assignmentId: row!.id, planId })],
    );
    await db.query("INSERT INTO inbox_messages (outbox_message_id, recipient, kind, title, body, payload) VALUES ($1, $2, 'assignment.urged', '催办', '请加快办理', $3)", [
      outboxId,
      unit,
      JSON.stringify({ assignmentId: row!.id, planId }),
    ]);
    await db.query("INSERT INTO channel_subscriptions (unit, kind, target) VALUES ($1, 'email', '{\"to\":\"a@example.gov.cn\"}'), ('市卫健委', 'email', '{\"to\":\"b@example.gov.cn\"}')", [unit]);
    await db.query('INSERT INTO users (username, display_name, role, unit_ids, password_hash) VALUES ($1, $2, $3, $4, $5)', [`legacy-${tag}`, '旧用户', 'unit_staff', [unit], 'x']);

    const linked = await linkLegacyRecipients(db.manager);
    expect(linked.outboxLinked).toBeGreaterThanOrEqual(1);
    expect(linked.subscriptionsUnplaced).toBeGreaterThanOrEqual(1);
    expect((await db.query('SELECT recipient, recipient_name FROM outbox_messages WHERE id = $1', [outboxId]))[0]).toEqual({ recipient: idOf(unit), recipient_name: unit });
    expect((await db.query('SELECT recipient, recipient_name FROM inbox_messages WHERE outbox_message_id = $1', [outboxId]))[0]).toEqual({ recipient: idOf(unit), recipient_name: unit });
    expect((await db.query("SELECT unit, unit_name FROM channel_subscriptions WHERE target->>'to' = 'a@example.gov.cn' AND unit_name = $1", [unit]))[0]).toEqual({ unit: idOf(unit), unit_name: unit });
    // 市卫健委 names a body in every seed city: left by name for an administrator, never guessed.
    expect((await db.query("SELECT unit_name FROM channel_subscriptions WHERE unit = '市卫健委'"))[0]).toEqual({ unit_name: null });
    expect((await db.query('SELECT unit_ids FROM users WHERE username = $1', [`legacy-${tag}`]))[0]).toEqual({ unit_ids: [idOf(unit)] });
  });

  it('a draft’s warning count is what its publish preview lists, not the parser’s count', async () => {
    const parsed = syntheticPlan(2, 1, `提示${tag}第`);
    await ensureSyntheticUnits(db, parsed.tasks[0]!.units);
    // Task 2 names no unit: the preview lists it (no_units); the parser's own two notes are about other things.
    const tasks = parsed.tasks.map((task) => (task.number === 2 ? { ...task, responsibleRaw: null, lead: [], units: [], unitsResolved: [] } : task));
    const saved = await db.getRepository(PlanEntity).save(
      db.getRepository(PlanEntity).create({
        sourceHash: `warnings-${randomUUID()}`,
        documentName: 'warnings.txt',
        title: `提示${tag}测试方案`,
        docNumber: null,
        issuer: null,
        periodFrom: 2026,
        periodTo: 2028,
        status: 'draft',
        taskCount: 2,
        parsed: { ...parsed, tasks } as unknown as JsonObject,
        warnings: [{ code: 'table_skipped', message: '表格未解析' }, { code: 'heading_guess', message: '标题推断' }],
        settings: {},
        jurisdictionId: SYNTHETIC_JURISDICTION_ID,
      }),
    );
    const plans = services.get(PlanService);
    const preview = await plans.preview(saved.id);
    expect(preview.warnings.map((warning) => warning.code)).toEqual(['no_units']);
    expect((await plans.get(saved.id)).warningCount).toBe(1);
    expect((await plans.listPage({ text: `提示${tag}` })).items.map((item) => item.warningCount)).toEqual([1]);
  });
});
