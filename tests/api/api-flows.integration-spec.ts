import { eventually } from '../support/duban-harness';
import { ensureSyntheticUnits, insertSyntheticPlan } from '../support/synthetic-plan';
import { call, startApiWorld, OTHER_UNIT, OWN_UNIT, type ApiWorld } from './api-world';

/** The resources end to end: lists and filters, actions with idempotency keys, drafts, withdrawal, inbox, live events. */
describe('API resources and flows', () => {
  let world: ApiWorld;

  beforeAll(async () => {
    world = await startApiWorld('api-flows');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('lists assignments with filters, sorting and pagination; unit staff see only their units', async () => {
    const all = await call(world, 'GET', `/api/v1/assignments?planId=${world.publishedPlanId}&sort=unitName&limit=4`, { headers: world.headers.supervisor });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 6, limit: 4, offset: 0 });
    const items = all.body.items as { unitName: string; taskNumber: number }[];
    expect(items.map((item) => item.unitName)).toEqual([...items.map((item) => item.unitName)].sort());
    const next = await call(world, 'GET', `/api/v1/assignments?planId=${world.publishedPlanId}&sort=unitName&limit=4&offset=4`, { headers: world.headers.supervisor });
    expect((next.body.items as unknown[]).length).toBe(2);
    const filtered = await call(world, 'GET', `/api/v1/assignments?planId=${world.publishedPlanId}&taskNumber=2&unit=${encodeURIComponent(OTHER_UNIT)}&status=pending_acceptance&overdue=false&dueFrom=2027-01-01&dueTo=2029-12-31&text=${encodeURIComponent('合成')}`, { headers: world.headers.coordinator });
    expect(filtered.body).toMatchObject({ total: 1, items: [{ unitName: OTHER_UNIT, taskNumber: 2 }] });

    const mine = await call(world, 'GET', `/api/v1/assignments?planId=${world.publishedPlanId}`, { headers: world.headers.staff_own_unit });
    expect(mine.body.total).toBe(2);
    expect((mine.body.items as { unitName: string }[]).every((item) => item.unitName === OWN_UNIT)).toBe(true);
    const snooping = await call(world, 'GET', `/api/v1/assignments?unit=${encodeURIComponent(OTHER_UNIT)}`, { headers: world.headers.staff_own_unit });
    expect(snooping.body).toMatchObject({ total: 0, items: [] });
    const other = await call(world, 'GET', `/api/v1/assignments/${await world.assignmentOf(OTHER_UNIT)}`, { headers: world.headers.staff_own_unit });
    expect(other.status).toBe(404);
  });

  it('acts once per Idempotency-Key, shows events and progress history, and streams the events live', async () => {
    const id = await world.assignmentOf(OWN_UNIT, 2);
    const ticket = await call(world, 'POST', '/api/v1/events/tickets', { headers: world.headers.staff_own_unit });
    expect(ticket.status).toBe(201);
    const stream = await fetch(`${world.baseUrl}${(ticket.body as { streamUrl: string }).streamUrl}`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    let received = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        received += new TextDecoder().decode(value);
      }
    })();

    const key = { 'idempotency-key': `accept-${id}` };
    const first = await call(world, 'POST', `/api/v1/assignments/${id}/actions/accept`, { headers: { ...world.headers.staff_own_unit, ...key }, body: {} });
    expect(first.status).toBe(200);
    const again = await call(world, 'POST', `/api/v1/assignments/${id}/actions/accept`, { headers: { ...world.headers.staff_own_unit, ...key }, body: {} });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    // Without the key, a second accept is an illegal transition.
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/accept`, { headers: world.headers.staff_own_unit, body: {} })).status).toBe(409);
    // The same key with a different body is refused.
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/accept`, { headers: { ...world.headers.staff_own_unit, ...key }, body: { percent: 1 } })).status).toBe(422);

    const reportKey = { 'idempotency-key': `report-${id}` };
    const report = { percent: 40, text: '完成方案编制', evidenceLinks: ['https://example.gov.cn/a'] };
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/report`, { headers: { ...world.headers.staff_own_unit, ...reportKey }, body: report })).status).toBe(200);
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/report`, { headers: { ...world.headers.staff_own_unit, ...reportKey }, body: report })).status).toBe(200);
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/report`, { headers: { ...world.headers.staff_own_unit, ...reportKey }, body: { ...report, percent: 50 } })).status).toBe(422);

    const detail = await eventually('the read model to show the report', async () => {
      const response = await call(world, 'GET', `/api/v1/assignments/${id}`, { headers: world.headers.staff_own_unit });
      return (response.body.progressReports as unknown[]).length === 1 ? response.body : undefined;
    });
    expect(detail).toMatchObject({ status: 'in_progress', percent: 40, progressReports: [{ percent: 40, text: '完成方案编制' }] });
    const types = (detail.events as { type: string }[]).map((event) => event.type);
    expect(types.filter((type) => type === 'accepted' || type === 'progress_reported')).toHaveLength(2);

    await eventually('the accept and report events on the live stream', async () => (received.includes(id) && (received.match(/event: assignment\./g) ?? []).length >= 2 ? true : undefined));
    expect(received).not.toContain(OTHER_UNIT);
    await reader.cancel();
    await reading.catch(() => undefined);
  });

  it('supervisor urges, coordinator holds a talk; escalations are listed and scoped', async () => {
    const id = await world.assignmentOf(OWN_UNIT, 1);
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/urge`, { headers: world.headers.supervisor, body: { level: 'supervise', note: '请加快' } })).status).toBe(200);
    expect((await call(world, 'POST', `/api/v1/assignments/${id}/actions/talk`, { headers: world.headers.coordinator, body: { reason: '进度滞后', overrideReason: '督办后仍无进展，提前约谈' } })).status).toBe(200);
    const listed = await eventually('both escalations in the list', async () => {
      const response = await call(world, 'GET', `/api/v1/escalations?planId=${world.publishedPlanId}&unit=${encodeURIComponent(OWN_UNIT)}`, { headers: world.headers.supervisor });
      return response.body.total === 2 ? response.body : undefined;
    });
    expect((listed.items as { level: string }[]).map((item) => item.level).sort()).toEqual(['supervise', 'talk']);
    expect((await call(world, 'GET', '/api/v1/escalations?level=talk', { headers: world.headers.staff_own_unit })).body.total).toBe(1);
    const otherUnits = await call(world, 'GET', `/api/v1/escalations?unit=${encodeURIComponent(OWN_UNIT)}`, { headers: world.headers.staff_own_unit });
    expect(otherUnits.body.total).toBe(2);
  });

  it('edits a draft task, previews, publishes with an idempotency key, then withdraws the plan and its assignments', async () => {
    const planId = await insertSyntheticPlan(world.db, 1, 2);
    // Names no other test puts in the shared synthetic directory (files share one database), so the gate refuses them.
    const [u7, u8] = [`市第7局${planId.slice(0, 6)}`, `市第8局${planId.slice(0, 6)}`];
    const edited = await call(world, 'PATCH', `/api/v1/plans/${planId}/tasks/1`, {
      headers: world.headers.coordinator,
      body: { units: ['市第1局', u7, u8], lead: [u7], deadlines: [{ due: '2028-06-30', text: '2028年6月底前完成' }] },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ units: ['市第1局', u7, u8], lead: [u7], supporting: ['市第1局', u8] });
    expect((await call(world, 'GET', `/api/v1/plans/${planId}/tasks/1`, { headers: world.headers.staff_own_unit })).body).toMatchObject({ deadlines: [{ due: '2028-06-30' }] });
    const preview = await call(world, 'GET', `/api/v1/plans/${planId}/preview`, { headers: world.headers.coordinator });
    expect(preview.body).toMatchObject({ assignments: 3, withoutDueDate: [] });

    // Units the directory does not know block publishing (issue 8); once they are directory units it goes through.
    const blocked = await call(world, 'POST', `/api/v1/plans/${planId}/publish`, { headers: world.headers.admin, body: {} });
    expect(blocked.status).toBe(422);
    expect((blocked.body.details as { problems: { printedName?: string }[] }).problems.map((problem) => problem.printedName)).toEqual([u7, u8]);
    await ensureSyntheticUnits(world.db, [u7, u8]);
    const key = { 'idempotency-key': `publish-${planId}` };
    const published = await call(world, 'POST', `/api/v1/plans/${planId}/publish`, { headers: { ...world.headers.admin, ...key }, body: {} });
    expect(published.status).toBe(202);
    const replay = await call(world, 'POST', `/api/v1/plans/${planId}/publish`, { headers: { ...world.headers.admin, ...key }, body: {} });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    await eventually('the plan published with 3 running assignments', async () => {
      const [{ n }] = await world.db.query("SELECT count(*) FILTER (WHERE workflow_started)::int AS n FROM assignments a JOIN plans p ON p.id = a.plan_id WHERE a.plan_id = $1 AND p.status = 'published'", [planId]);
      return n === 3 ? true : undefined;
    }, 60_000);
    expect((await call(world, 'PATCH', `/api/v1/plans/${planId}/tasks/1`, { headers: world.headers.coordinator, body: { lead: [] } })).status).toBe(409);

    const withdrawn = await call(world, 'POST', `/api/v1/plans/${planId}/withdraw`, { headers: world.headers.admin, body: { reason: '方案调整' } });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ plan: { status: 'withdrawn' }, withdrawn: 3, failed: [] });
    await eventually('every assignment withdrawn in the read model', async () => {
      const rows = (await world.db.query('SELECT status FROM assignments WHERE plan_id = $1', [planId])) as { status: string }[];
      return rows.every((row) => row.status === 'withdrawn') ? true : undefined;
    });
    const retried = await call(world, 'POST', `/api/v1/plans/${planId}/withdraw`, { headers: world.headers.admin, body: { reason: '方案调整' } });
    expect(retried.body).toMatchObject({ withdrawn: 0, alreadyFinished: 3 });
    expect((await call(world, 'POST', `/api/v1/plans/${planId}/publish`, { headers: world.headers.admin, body: {} })).status).toBe(409);
  });

  it("reads the caller's inbox (units plus role mailbox) and records read receipts", async () => {
    const own = await world.insertMessage(OWN_UNIT);
    await world.insertMessage(OTHER_UNIT);
    const supervisors = await world.insertMessage('role:supervisor');
    const mine = await call(world, 'GET', '/api/v1/inbox?unread=true&limit=100', { headers: world.headers.staff_own_unit });
    const recipients = new Set((mine.body.items as { recipient: string }[]).map((item) => item.recipient));
    expect([...recipients]).toEqual([OWN_UNIT]);
    const read = await call(world, 'POST', `/api/v1/inbox/${own}/read`, { headers: world.headers.staff_own_unit });
    expect(read.status).toBe(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    const again = await call(world, 'POST', `/api/v1/inbox/${own}/read`, { headers: world.headers.staff_own_unit });
    expect(again.body.readAt).toBe(read.body.readAt);
    const unread = await call(world, 'GET', '/api/v1/inbox?unread=true&limit=100', { headers: world.headers.staff_own_unit });
    expect((unread.body.items as { id: string }[]).map((item) => item.id)).not.toContain(own);
    const supervisorInbox = await call(world, 'GET', '/api/v1/inbox?limit=100', { headers: world.headers.supervisor });
    expect((supervisorInbox.body.items as { id: string }[]).map((item) => item.id)).toContain(supervisors);
    expect((await call(world, 'POST', `/api/v1/inbox/${own}/read`, { headers: world.headers.supervisor })).status).toBe(404);
  });

  it('answers the directory, the calendar and plan lists', async () => {
    const units = await call(world, 'GET', `/api/v1/units?text=${encodeURIComponent('第1局')}`, { headers: world.headers.staff_own_unit });
    expect(units.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ name: OWN_UNIT, assignments: expect.any(Number) })]));
    const directory = await call(world, 'GET', '/api/v1/units?limit=500', { headers: world.headers.supervisor });
    expect((directory.body.items as { kind: string | null }[]).some((unit) => unit.kind !== null)).toBe(true);
    expect((await call(world, 'GET', '/api/v1/regions', { headers: world.headers.supervisor })).body.total).toBeGreaterThan(0);
    expect((await call(world, 'GET', '/api/v1/calendar/workdays/2026-10-01', { headers: world.headers.supervisor })).body).toMatchObject({ date: '2026-10-01', workday: false, kind: 'public_holiday', festival: expect.stringContaining('国庆') });
    expect((await call(world, 'GET', '/api/v1/calendar/add-working-days?date=2026-09-30&days=1', { headers: world.headers.supervisor })).body).toMatchObject({ from: '2026-09-30', days: 1, date: '2026-10-08' });
    const plans = await call(world, 'GET', '/api/v1/plans?status=published&limit=1', { headers: world.headers.staff_own_unit });
    expect(plans.body).toMatchObject({ limit: 1, offset: 0, items: [{ status: 'published' }] });
    const tasks = await call(world, 'GET', `/api/v1/plans/${world.publishedPlanId}/tasks`, { headers: world.headers.staff_own_unit });
    expect((tasks.body as unknown as { number: number }[]).map((task) => task.number)).toEqual([1, 2]);
  });

  it("lets admins set a unit's notification channels and shows them with the robot key masked", async () => {
    // Channels belong to a directory unit and are kept by its id (the path may name it by a name only it goes by).
    const [unitId] = [...(await ensureSyntheticUnits(world.db, ['市通知渠道局'])).values()];
    const unit = encodeURIComponent('市通知渠道局');
    const channels = [
      { kind: 'dingtalk', target: { url: 'https://oapi.dingtalk.com/robot/send?access_token=abc123', secret: 'SECxyz' }, digest: true },
      { kind: 'email', target: { to: 'duban@unit.example' } },
    ];
    const put = await call(world, 'PUT', `/api/v1/units/${unit}/channels`, { headers: world.headers.admin, body: { channels } });
    expect(put.status).toBe(200);
    const listed = await call(world, 'GET', `/api/v1/units/${unit}/channels`, { headers: world.headers.admin });
    expect(listed.body).toEqual([
      expect.objectContaining({ kind: 'dingtalk', digest: true, target: { url: 'https://oapi.dingtalk.com/robot/send?access_token=***', secret: '***' } }),
      expect.objectContaining({ kind: 'email', digest: false, target: { to: 'duban@unit.example' } }),
    ]);
    const [{ stored }] = await world.db.query("SELECT count(*)::int AS stored FROM channel_subscriptions WHERE unit = $1 AND unit_name = '市通知渠道局'", [unitId]);
    expect(stored).toBe(2);
    // Replacing with none removes them.
    expect((await call(world, 'PUT', `/api/v1/units/${unit}/channels`, { headers: world.headers.admin, body: { channels: [] } })).body).toEqual([]);
  });

  it('counts actions and publications in the workflow metric', async () => {
    const metrics = await (await fetch(`${world.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/duban_workflow_events_total\{workflow="assignment",event="action:accept"\} [1-9]/);
    expect(metrics).toMatch(/duban_workflow_events_total\{workflow="plan",event="published"\} [1-9]/);
  });
});
