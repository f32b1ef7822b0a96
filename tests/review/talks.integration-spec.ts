import { randomUUID } from 'node:crypto';
import { addCalendarDays, shanghaiDateOf } from '@duban/calendar';
import { bearer, createTestUser, signIn } from '../api-auth/auth-helpers';
import { call, startApiWorld, type ApiWorld } from '../api/api-world';
import { eventually } from '../support/duban-harness';
import { testSpeedSettings } from '../support/plan-fixtures';
import { insertSyntheticPlan } from '../support/synthetic-plan';

type Talk = {
  id: string;
  status: string;
  statusLabel: string;
  source: string;
  reason: string;
  version: number;
  talkTarget: string | null;
  heldAt: string | null;
  actions: { action: string; label: string }[];
};

/**
 * 约谈 records on real Postgres, Temporal and the HTTP API: the ladder's 约谈 level proposes exactly one record per
 * assignment; a coordinator takes one over and runs its course (schedule → hold → rectification by the unit →
 * verify) with refused steps answered in Chinese; two concurrent holds: one wins, one is 409; a 约谈 is recorded
 * after the assignment closed; a live assignment that is not due is refused without an override reason.
 */
describe('约谈 records and their course', () => {
  let world: ApiWorld;
  let planId: string;
  let unit1: string;
  let staff1: Record<string, string>;
  let staff3: Record<string, string>;
  const prefix = `约谈测试${Date.now() % 100000}第`;

  beforeAll(async () => {
    world = await startApiWorld('talks');
    // 3 tasks × 2 units, due seconds after publishing, the ladder reaching 约谈 ~4.5 s later.
    planId = await insertSyntheticPlan(world.db, 3, 2, testSpeedSettings(4000), prefix);
    unit1 = `${prefix}1局`;
    const published = await call(world, 'POST', `/api/v1/plans/${planId}/publish`, { headers: world.headers.admin, body: {} });
    expect(published.status).toBe(202);
    const suffix = randomUUID().slice(0, 6);
    await createTestUser(world.db, { username: `talks-staff1-${suffix}`, displayName: '约谈测试经办人', role: 'unit_staff', unitIds: [unit1], password: 'staff-password-1' });
    await createTestUser(world.db, { username: `talks-staff3-${suffix}`, displayName: '第3局经办人', role: 'unit_staff', unitIds: ['市第3局'], password: 'staff-password-3' });
    staff1 = bearer((await signIn(world.baseUrl, `talks-staff1-${suffix}`, 'staff-password-1')).accessToken);
    staff3 = bearer((await signIn(world.baseUrl, `talks-staff3-${suffix}`, 'staff-password-3')).accessToken);
  });

  afterAll(async () => {
    await world?.stop();
  });

  const assignmentOf = async (plan: string, unit: string, task: number) => {
    const [row] = (await world.db.query('SELECT id FROM assignments WHERE plan_id = $1 AND unit_name = $2 AND task_number = $3', [plan, unit, task])) as { id: string }[];
    return row!.id;
  };
  const escalationCount = async (assignmentId: string, level: string) => {
    const [{ n }] = (await world.db.query('SELECT count(*)::int AS n FROM escalations WHERE assignment_id = $1 AND level = $2', [assignmentId, level])) as { n: number }[];
    return n;
  };

  it('the ladder’s 约谈 level creates exactly one proposed record per assignment', async () => {
    await eventually('the ladder to reach 约谈 on all 6 assignments', async () => {
      const [{ n }] = await world.db.query("SELECT count(*)::int AS n FROM assignments WHERE plan_id = $1 AND escalation_level = 'talk'", [planId]);
      return n === 6 ? true : undefined;
    }, 90_000);
    // The record is written in the escalation's own transaction: both are there together.
    const rows = (await world.db.query("SELECT assignment_id, source, status, reason FROM talks WHERE plan_id = $1 ORDER BY assignment_id", [planId])) as {
      assignment_id: string;
      source: string;
      status: string;
      reason: string;
    }[];
    const assignments = (await world.db.query('SELECT id FROM assignments WHERE plan_id = $1 ORDER BY id', [planId])) as { id: string }[];
    expect(rows.map((row) => row.assignment_id)).toEqual(assignments.map((row) => row.id));
    for (const row of rows) expect(row).toMatchObject({ source: 'ladder', status: 'proposed', reason: '任务逾期，督办升级已达约谈级别，系统建议约谈' });
    const [{ proposals }] = await world.db.query("SELECT count(*)::int AS proposals FROM escalations WHERE plan_id = $1 AND level = 'talk_proposed'", [planId]);
    expect(proposals).toBe(6);

    // Read through the API: coordinators may schedule a proposal; supervisors read it but take no step.
    const listed = await call(world, 'GET', `/api/v1/talks?planId=${planId}&status=proposed`, { headers: world.headers.coordinator });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ total: 6 });
    expect((listed.body.items as Talk[])[0]).toMatchObject({ statusLabel: '待安排', source: 'ladder', actions: [{ action: 'schedule', label: '安排约谈' }] });
    const supervised = await call(world, 'GET', `/api/v1/talks?planId=${planId}`, { headers: world.headers.supervisor });
    expect((supervised.body.items as Talk[]).every((talk) => talk.actions.length === 0)).toBe(true);
    // A unit's staff see their own unit's three only.
    const own = await call(world, 'GET', `/api/v1/talks?planId=${planId}`, { headers: staff1 });
    expect(own.body).toMatchObject({ total: 3 });
  });

  it('runs the course on an overdue assignment: trigger → schedule → hold → rectification → verify, refusing what the course does not allow', async () => {
    const assignmentId = await assignmentOf(planId, unit1, 1);
    // The coordinator's 约谈 takes the ladder's proposal over (one record), and the workflow records the 约谈.
    const opened = await call(world, 'POST', '/api/v1/talks', { headers: world.headers.coordinator, body: { assignmentId, reason: '任务逾期，经督办仍未办结' } });
    expect(opened.status).toBe(201);
    const talk = opened.body as unknown as Talk;
    expect(talk).toMatchObject({ status: 'proposed', source: 'ladder', reason: '任务逾期，经督办仍未办结' });
    const [{ n: records }] = await world.db.query('SELECT count(*)::int AS n FROM talks WHERE assignment_id = $1', [assignmentId]);
    expect(records).toBe(1);
    expect(await escalationCount(assignmentId, 'talk')).toBe(1);

    // Refused steps: not yet held, so neither verification nor a rectification; in Chinese, 409.
    const early = await call(world, 'POST', `/api/v1/talks/${talk.id}/verify`, { headers: world.headers.coordinator, body: {} });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'talk_transition_not_allowed', message: '约谈当前为“待安排”，不能验收整改（仅“整改已报送”时可以）' });
    const hold = { minutes: '听取单位情况说明，指出逾期问题', demands: '两周内完成并报送整改情况' };
    const notScheduled = await call(world, 'POST', `/api/v1/talks/${talk.id}/hold`, { headers: world.headers.coordinator, body: { ...hold, rectifyBy: '2099-01-01' } });
    expect(notScheduled.status).toBe(409);
    expect(String(notScheduled.body.message)).toContain('不能记录约谈');
    // A supervisor may not schedule.
    expect((await call(world, 'POST', `/api/v1/talks/${talk.id}/schedule`, { headers: world.headers.supervisor, body: { at: new Date().toISOString(), place: '会议室', attendees: '某人', talkTarget: 'deputy' } })).status).toBe(403);

    // Scheduled an hour ago (recorded afterwards), with the deputy: one Chinese notice to the unit.
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const scheduled = await call(world, 'POST', `/api/v1/talks/${talk.id}/schedule`, {
      headers: world.headers.coordinator,
      body: { at, place: '市政府3楼会议室', attendees: '市政府督查室主任；市委督查室副主任', talkTarget: 'deputy', version: talk.version },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', statusLabel: '已安排', talkTarget: 'deputy', talkTargetLabel: '分管负责人', place: '市政府3楼会议室' });
    const notices = (await world.db.query("SELECT recipient, title, body FROM outbox_messages WHERE kind = 'talk.scheduled' AND payload->>'talkId' = $1", [talk.id])) as {
      recipient: string;
      title: string;
      body: string;
    }[];
    expect(notices).toHaveLength(1);
    // Addressed by the unit's directory id (the name is for display).
    const [{ unit_id: unit1Id }] = (await world.db.query('SELECT unit_id::text AS unit_id FROM assignments WHERE id = $1', [assignmentId])) as { unit_id: string }[];
    expect(notices[0]).toMatchObject({ recipient: unit1Id, title: `约谈通知：${unit1}` });
    expect(notices[0]!.body).toContain('约谈贵单位分管负责人');
    expect(notices[0]!.body).toContain('市政府3楼会议室');

    // The rectification deadline must come after the held date (today in Shanghai).
    const today = shanghaiDateOf(Date.now());
    const sameDay = await call(world, 'POST', `/api/v1/talks/${talk.id}/hold`, { headers: world.headers.coordinator, body: { ...hold, rectifyBy: today } });
    expect(sameDay.status).toBe(422);
    const [year, month, day] = today.split('-').map(Number);
    expect(sameDay.body).toMatchObject({ code: 'talk_rectify_by_invalid', message: `整改期限须晚于约谈日期（${year}年${month}月${day}日）` });

    // Two holds at once: exactly one wins, the other is a 409 (stale version or no longer scheduled).
    const rectifyBy = addCalendarDays(today, 14);
    const [first, second] = await Promise.all([
      call(world, 'POST', `/api/v1/talks/${talk.id}/hold`, { headers: world.headers.coordinator, body: { ...hold, rectifyBy } }),
      call(world, 'POST', `/api/v1/talks/${talk.id}/hold`, { headers: world.headers.admin, body: { ...hold, rectifyBy } }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(['talk_version_stale', 'talk_transition_not_allowed']).toContain(loser.body.code);
    expect(String(loser.body.message)).toMatch(/[\u4e00-\u9fff]/);
    const [stored] = (await world.db.query('SELECT status, held_at, rectify_by::text AS rectify_by, version FROM talks WHERE id = $1', [talk.id])) as {
      status: string;
      held_at: Date | null;
      rectify_by: string;
      version: number;
    }[];
    // proposed 1 → taken over 2 → scheduled 3 → held 4: the losing hold wrote nothing.
    expect(stored).toMatchObject({ status: 'held', rectify_by: rectifyBy, version: 4 });
    expect(stored!.held_at).not.toBeNull();

    // Another unit's staff do not see it; the unit's own staff report the rectification.
    expect((await call(world, 'GET', `/api/v1/talks/${talk.id}`, { headers: staff3 })).status).toBe(404);
    expect((await call(world, 'POST', `/api/v1/talks/${talk.id}/rectification`, { headers: staff3, body: { text: '不是本单位' } })).status).toBe(404);
    const seen = await call(world, 'GET', `/api/v1/talks/${talk.id}`, { headers: staff1 });
    expect(seen.status).toBe(200);
    expect((seen.body as unknown as Talk).actions).toEqual([{ action: 'reportRectification', label: '报送整改' }]);
    const reported = await call(world, 'POST', `/api/v1/talks/${talk.id}/rectification`, { headers: staff1, body: { text: '已完成平台上线并报送佐证材料' } });
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ status: 'rectification_reported', statusLabel: '整改已报送', rectification: '已完成平台上线并报送佐证材料' });
    // Unit staff cannot verify their own rectification.
    expect((await call(world, 'POST', `/api/v1/talks/${talk.id}/verify`, { headers: staff1, body: {} })).status).toBe(403);

    // A verification based on an old read (version 4) is refused; with the current version it ends the course.
    const stale = await call(world, 'POST', `/api/v1/talks/${talk.id}/verify`, { headers: world.headers.coordinator, body: { version: 4 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'talk_version_stale', message: '约谈记录已被他人更新，请刷新后重试' });
    const verified = await call(world, 'POST', `/api/v1/talks/${talk.id}/verify`, { headers: world.headers.coordinator, body: { version: 5 } });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'verified', statusLabel: '整改已验收', version: 6, actions: [] });
    const after = await call(world, 'POST', `/api/v1/talks/${talk.id}/escalate`, { headers: world.headers.coordinator, body: { reason: '再次升级' } });
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'talk_transition_not_allowed' });
    // Still exactly one 约谈 escalation on the assignment (the workflow's), one record.
    expect(await escalationCount(assignmentId, 'talk')).toBe(1);
  });

  it('refuses a 约谈 on a live assignment that is not due without an override reason, accepts it with one, and only once', async () => {
    const assignmentId = await assignmentOf(world.publishedPlanId, '市第3局', 2);
    const refused = await call(world, 'POST', '/api/v1/talks', { headers: world.headers.coordinator, body: { assignmentId, reason: '进展缓慢' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('talk_not_due');
    expect(String(refused.body.message)).toContain('不能约谈');
    // Nothing left behind: no record, no escalation.
    const [{ n }] = await world.db.query('SELECT count(*)::int AS n FROM talks WHERE assignment_id = $1', [assignmentId]);
    expect(n).toBe(0);
    expect(await escalationCount(assignmentId, 'talk')).toBe(0);

    const accepted = await call(world, 'POST', '/api/v1/talks', { headers: world.headers.coordinator, body: { assignmentId, reason: '进展缓慢', overrideReason: '群众反映强烈，提前约谈' } });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ status: 'proposed', source: 'manual', sourceLabel: '协调人发起' });
    expect(await escalationCount(assignmentId, 'talk')).toBe(1);
    const again = await call(world, 'POST', '/api/v1/talks', { headers: world.headers.coordinator, body: { assignmentId, reason: '再次约谈', overrideReason: '再次' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'talk_already_open', details: { talkId: (accepted.body as unknown as Talk).id } });
    expect(await escalationCount(assignmentId, 'talk')).toBe(1);
  });

  it('records a 约谈 after the assignment closed (no workflow, no policy), and the assignment page’s 约谈 points there', async () => {
    const assignmentId = await assignmentOf(world.publishedPlanId, '市第3局', 1);
    for (const [name, headers, body] of [
      ['accept', staff3, {}],
      ['request-closure', staff3, { summary: '已全部完成' }],
      ['approve-closure', world.headers.coordinator, {}],
    ] as const) {
      const done = await call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/${name}`, { headers, body });
      expect({ name, status: done.status }).toEqual({ name, status: 200 });
    }
    await eventually('the assignment to be closed', async () => {
      const [row] = await world.db.query('SELECT status FROM assignments WHERE id = $1', [assignmentId]);
      return row.status === 'closed' ? true : undefined;
    });
    const viaAssignment = await call(world, 'POST', `/api/v1/assignments/${assignmentId}/actions/talk`, { headers: world.headers.coordinator, body: { reason: '办结后约谈' } });
    expect(viaAssignment.status).toBe(409);
    expect(String(viaAssignment.body.message)).toContain('约谈记录');

    const recorded = await call(world, 'POST', '/api/v1/talks', { headers: world.headers.coordinator, body: { assignmentId, reason: '办结质量不高，约谈分管负责人' } });
    expect(recorded.status).toBe(201);
    const talk = recorded.body as unknown as Talk;
    expect(talk).toMatchObject({ status: 'proposed', source: 'manual' });
    // Closed on time and not at the 约谈 level: no override needed once closed; the workflow is not asked.
    expect(await escalationCount(assignmentId, 'talk')).toBe(0);
    const scheduled = await call(world, 'POST', `/api/v1/talks/${talk.id}/schedule`, {
      headers: world.headers.coordinator,
      body: { at: new Date(Date.now() - 60_000).toISOString(), place: '会议室', attendees: '督查室主任', talkTarget: 'principal' },
    });
    expect(scheduled.status).toBe(200);
    const held = await call(world, 'POST', `/api/v1/talks/${talk.id}/hold`, {
      headers: world.headers.coordinator,
      body: { minutes: '约谈记录', demands: '整改要求', rectifyBy: addCalendarDays(shanghaiDateOf(Date.now()), 7) },
    });
    expect(held.status).toBe(200);
    // What the assessment counts: a record with held_at, in a held status.
    const [row] = (await world.db.query('SELECT status, held_at FROM talks WHERE id = $1', [talk.id])) as { status: string; held_at: Date | null }[];
    expect(row!.status).toBe('held');
    expect(row!.held_at).not.toBeNull();
  });
});
