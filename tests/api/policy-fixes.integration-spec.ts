import { randomUUID } from 'node:crypto';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import { eventually } from '../support/duban-harness';
import { ensureSyntheticUnits, SYNTHETIC_JURISDICTION_ID, syntheticPlan } from '../support/synthetic-plan';
import { call, OTHER_UNIT, OWN_UNIT, startApiWorld, type ApiWorld } from './api-world';

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * Issue 8's behaviour fixes through the API: 改派 to a unit already holding the task and 约谈 before it is
 * due are refused with a code and a Chinese reason; a milestone already past at publish shows in the light;
 * error bodies and lists carry Chinese messages and labels beside the codes.
 */
describe('policy: behaviour fixes, error bodies and labels', () => {
  let world: ApiWorld;

  beforeAll(async () => {
    world = await startApiWorld('api-policy');
  });

  afterAll(async () => {
    await world?.stop();
  });

  it('refuses 改派 to a unit that already holds the task, with the reason, and changes nothing', async () => {
    const id = await world.assignmentOf(OWN_UNIT, 1);
    const refused = await call(world, 'POST', `/api/v1/assignments/${id}/actions/reassign`, { headers: world.headers.coordinator, body: { toUnit: OTHER_UNIT, reason: '职责调整' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ statusCode: 409, error: 'conflict', code: 'reassign_to_holder' });
    expect(refused.body.message).toBe(`“${OTHER_UNIT}”已承担该任务（其任务状态：待签收），不能改派给它；请改派给其他单位，或撤销本单位的任务`);
    const after = await call(world, 'GET', `/api/v1/assignments/${id}`, { headers: world.headers.coordinator });
    expect(after.body).toMatchObject({ status: 'pending_acceptance', statusLabel: '待签收' });
  });

  it('refuses 约谈 on an assignment that is neither overdue nor at the 约谈 level, and accepts it with an override reason', async () => {
    const id = await world.assignmentOf(OTHER_UNIT, 2);
    const refused = await call(world, 'POST', `/api/v1/assignments/${id}/actions/talk`, { headers: world.headers.coordinator, body: { reason: '进度慢' } });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'talk_not_due', error: 'conflict' });
    expect(String(refused.body.message)).toMatch(/^任务未逾期（办理期限\d{4}年\d{1,2}月\d{1,2}日），也未升级到“约谈”级别，不能约谈/);

    const accepted = await call(world, 'POST', `/api/v1/assignments/${id}/actions/talk`, {
      headers: world.headers.coordinator,
      body: { reason: '进度慢', overrideReason: '群众反映强烈，提前约谈' },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: { talkCount: 1 } });
    const event = await eventually('the talk recorded with its override reason', async () => {
      const detail = await call(world, 'GET', `/api/v1/assignments/${id}`, { headers: world.headers.coordinator });
      return (detail.body.events as { type: string; typeLabel: string; payload: Record<string, unknown> }[]).find((entry) => entry.type === 'talk_triggered');
    });
    expect(event).toMatchObject({ typeLabel: '约谈', payload: { reason: '进度慢', overrideReason: '群众反映强烈，提前约谈', talkCount: 1 } });
  });

  it('shows an interim milestone already past at publish in the light, with its reason', async () => {
    const plan = syntheticPlan(1, 1, `里程碑${randomUUID().slice(0, 4)}局`);
    const task = plan.tasks[0]!;
    const parsed = {
      ...plan,
      tasks: [{ ...task, deadlines: [{ due: '2026-03-31', text: '2026年一季度末前出台实施细则' }, { due: '2027-12-31', text: '2027年底前全面完成' }] }],
    };
    await ensureSyntheticUnits(world.db, task.units);
    const row = await world.db.getRepository(PlanEntity).save(
      world.db.getRepository(PlanEntity).create({
        jurisdictionId: SYNTHETIC_JURISDICTION_ID,
        sourceHash: `milestone-${randomUUID()}`,
        documentName: plan.document,
        title: '阶段目标已过期的测试方案',
        docNumber: null,
        issuer: null,
        periodFrom: 2026,
        periodTo: 2027,
        status: 'draft',
        taskCount: 1,
        parsed: parsed as unknown as JsonObject,
        warnings: [],
        settings: {},
      }),
    );
    const published = await call(world, 'POST', `/api/v1/plans/${row.id}/publish`, { headers: world.headers.admin, body: {} });
    expect(published.status).toBe(202);
    const assignment = await eventually('the assignment of the late-published plan', async () => {
      const list = await call(world, 'GET', `/api/v1/assignments?planId=${row.id}`, { headers: world.headers.admin });
      return (list.body.items as Record<string, unknown>[] | undefined)?.[0];
    });
    expect(assignment).toMatchObject({ light: 'yellow', lightLabel: '黄灯', dueDate: '2027-12-31' });
    expect(assignment.lightReasons).toContainEqual(
      expect.objectContaining({ code: 'milestone_passed', milestoneDate: '2026-03-31', text: expect.stringContaining('阶段目标“2026年一季度末前出台实施细则”的时限2026年3月31日') }),
    );
  });

  it('answers every error in one shape: a stable code beside a Chinese message', async () => {
    const missing = await call(world, 'GET', `/api/v1/assignments/${randomUUID()}`, { headers: world.headers.admin });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'not_found', code: 'not_found' });
    expect(String(missing.body.message)).toMatch(CHINESE);

    const invalid = await call(world, 'POST', `/api/v1/assignments/${await world.assignmentOf(OWN_UNIT, 2)}/actions/talk`, { headers: world.headers.coordinator, body: { reason: '', sneaky: 1 } });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'invalid_input', details: { fields: { reason: ['字段 reason 须为 1–5000 个字符'], sneaky: ['不允许的字段“sneaky”'] } } });
    expect(String(invalid.body.message)).toMatch(/^提交的内容有误：/);

    const forbidden = await call(world, 'GET', '/api/v1/users', { headers: world.headers.coordinator });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ code: 'forbidden', message: '牵头协调人员无权管理用户' });

    const anonymous = await call(world, 'GET', '/api/v1/assignments', {});
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    expect(String(anonymous.body.message)).toMatch(CHINESE);

    const noRoute = await call(world, 'GET', '/api/v1/no-such-thing', { headers: world.headers.admin });
    expect(noRoute.body).toMatchObject({ statusCode: 404, code: 'route_not_found' });
    expect(String(noRoute.body.message)).toMatch(CHINESE);
  });

  it('puts Chinese labels beside the codes in lists and details', async () => {
    const list = await call(world, 'GET', `/api/v1/assignments?planId=${world.publishedPlanId}`, { headers: world.headers.supervisor });
    const items = list.body.items as Record<string, unknown>[];
    expect(items.length).toBe(6);
    for (const item of items) {
      expect(item.statusLabel).toMatch(CHINESE);
      expect(item.lightLabel).toMatch(CHINESE);
      expect(item.responsibilityLabel).toMatch(/^(牵头|配合)$/);
    }
    const plans = await call(world, 'GET', '/api/v1/plans', { headers: world.headers.supervisor });
    for (const plan of plans.body.items as Record<string, unknown>[]) expect(plan.statusLabel).toMatch(CHINESE);
    const detail = await call(world, 'GET', `/api/v1/assignments/${await world.assignmentOf(OTHER_UNIT, 2)}`, { headers: world.headers.coordinator });
    const events = detail.body.events as { typeLabel: string; actor: { roleLabel?: string } }[];
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.typeLabel).toMatch(CHINESE);
    expect(events.some((event) => event.actor.roleLabel === '牵头协调人员')).toBe(true);
  });
});
