import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { AssignmentService, OrganisationService, PlanService, PlanUnitsService, ServiceError } from '@duban/services';
import { jurisdictionKey, organisationId, SEED_CITIES, SEED_PLAN_JURISDICTIONS } from '@duban/persistence';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { SEED_PLANS, seedPlanBytes, startServices, testSpeedSettings } from '../support/plan-fixtures';
import type { TestRun } from '../support/test-run';

const admin: Actor = { role: 'admin', unitIds: [], id: 'test-admin' };
const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'test-coordinator' };
const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'test-supervisor' };
const staffOf = (unit: string): Actor => ({ role: 'unit_staff', unitIds: [unit], id: `staff-${unit}` });

/**
 * Each seed plan through the engine on real Temporal, Postgres and Redis:
 * publish, accept, report, overdue escalation up to 约谈, extension, closure
 * request, rejection and final closure — rows, events, notifications and lights at each step.
 */
describe('assignment lifecycle on the seed plans', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  let plans: PlanService;
  let assignments: AssignmentService;
  let planUnits: PlanUnitsService;
  let organisation: OrganisationService;

  /**
   * What a coordinator does with a seed plan the publish gate refuses: a name outside the city (江苏省人民政府)
   * is mapped to that body on purpose, an unknown one (城区) becomes a new unit, a task without a responsible
   * unit gets the plan's health commission.
   */
  async function settleProblems(planId: string, seed: string): Promise<void> {
    const city = SEED_CITIES.find((candidate) => candidate.name === SEED_PLAN_JURISDICTIONS[seed]);
    if ((await plans.get(planId)).jurisdiction === null && city) await planUnits.setJurisdiction(planId, coordinator, organisationId(jurisdictionKey(city.province, city.name)));
    const preview = await plans.preview(planId, testSpeedSettings(10_000).defaultDueDate, { confirmProposals: true });
    for (const problem of preview.problems) {
      if (problem.code === 'unit_unresolved') {
        const resolution = (await planUnits.resolutions(planId)).find((item) => item.printedName === problem.printedName)!;
        const suggestion = resolution.suggestions.find((candidate) => candidate.score >= 0.9);
        await planUnits.map(planId, coordinator, suggestion ? { printedName: problem.printedName!, unitId: suggestion.unitId } : { printedName: problem.printedName!, newUnit: { name: `${problem.printedName}（测试新建）`, kind: 'other' } });
      } else if (problem.code === 'task_without_unit') {
        await plans.editTask(planId, problem.taskNumber!, { units: ['市卫健委'], lead: ['市卫健委'] });
      } else {
        throw new Error(`unexpected publish problem in a seed plan: ${problem.code} ${problem.message}`);
      }
    }
    expect((await plans.preview(planId, testSpeedSettings(10_000).defaultDueDate, { confirmProposals: true })).problems).toEqual([]);
  }

  beforeAll(async () => {
    run = useTestEnvironment('lifecycle');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
    plans = services.get(PlanService);
    assignments = services.get(AssignmentService);
    planUnits = services.get(PlanUnitsService);
    organisation = services.get(OrganisationService);
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  async function row(id: string) {
    const [found] = await db.query('SELECT status, light, light_reasons, escalation_level, talk_count, due_date::text AS due_date, percent, version FROM assignments WHERE id = $1', [id]);
    return found as { status: string; light: string; light_reasons: { code: string }[]; escalation_level: string | null; talk_count: number; due_date: string; percent: number | null; version: number };
  }

  async function eventTypes(id: string): Promise<string[]> {
    return (await db.query('SELECT type FROM assignment_events WHERE assignment_id = $1 ORDER BY seq', [id])).map((r: { type: string }) => r.type);
  }

  /** A unit's inbox is addressed by the assignment's unit id (the name is kept for display); role mailboxes by role. */
  async function inboxKinds(recipient: string, assignmentId: string): Promise<string[]> {
    const rows = recipient.startsWith('role:')
      ? await db.query("SELECT kind FROM inbox_messages WHERE recipient = $1 AND payload->>'assignmentId' = $2 ORDER BY created_at", [recipient, assignmentId])
      : await db.query(
          `SELECT kind FROM inbox_messages WHERE recipient = (SELECT unit_id::text FROM assignments WHERE id = $2::uuid) AND recipient_name = $1
              AND payload->>'assignmentId' = $2::text ORDER BY created_at`,
          [recipient, assignmentId],
        );
    return rows.map((r: { kind: string }) => r.kind);
  }

  it.each(SEED_PLANS)('%s: publish, then one lead assignment from acceptance to verified closure', async (seed) => {
    const imported = await plans.importDocument(seedPlanBytes(seed), seed);
    const planId = imported.planId;

    // Publishing refuses unconfirmed proposals (plans without responsibility clauses), then goes through once confirmed.
    const preview = await plans.preview(planId, testSpeedSettings(10_000).defaultDueDate);
    expect(preview.assignments).toBeGreaterThan(0);
    if (preview.proposed.length > 0) {
      await expect(plans.publish(planId, admin, { settings: testSpeedSettings(10_000), wait: true })).rejects.toMatchObject({
        code: 'unprocessable',
        details: { reason: 'publish_blocked', problems: expect.arrayContaining([expect.objectContaining({ code: 'proposals_unconfirmed' })]) },
      });
    }
    await settleProblems(planId, seed);
    // Every assignment is held by a directory unit of the plan's city (or one a coordinator mapped on purpose), never a collective.
    const directoryUnits = new Map((await organisation.units()).map((unit) => [unit.id, unit]));
    const ready = await plans.preview(planId, testSpeedSettings(10_000).defaultDueDate);
    await expect(plans.publish(planId, coordinator, { wait: true })).rejects.toMatchObject({ code: 'forbidden' });
    const published = await plans.publish(planId, admin, { settings: testSpeedSettings(10_000), confirmProposals: true, wait: true });
    expect(published.result).toMatchObject({ assignments: ready.assignments, workflowsStarted: ready.assignments });
    const [{ count, started }] = await db.query('SELECT count(*)::int AS count, count(*) FILTER (WHERE workflow_started)::int AS started FROM assignments WHERE plan_id = $1', [planId]);
    expect({ count, started }).toEqual({ count: ready.assignments, started: ready.assignments });
    expect((await plans.get(planId)).status).toBe('published');
    const held = (await db.query('SELECT DISTINCT unit_id FROM assignments WHERE plan_id = $1', [planId])) as { unit_id: string | null }[];
    for (const { unit_id } of held) expect(directoryUnits.get(unit_id ?? '')?.kind).toEqual(expect.stringMatching(/^(department|district_government|management_committee|party_body|other)$/));

    // Publishing again creates nothing new.
    await plans.publish(planId, admin, { wait: true });
    const [{ again }] = await db.query('SELECT count(*)::int AS again FROM assignments WHERE plan_id = $1', [planId]);
    expect(again).toBe(ready.assignments);

    const page = await assignments.list({ planId }, { sort: 'taskNumber', limit: 500 });
    const target = page.items.find((item) => item.responsibility === 'lead') ?? page.items[0]!;
    const id = target.id;
    const unit = target.unitName;
    // (The ladder may already have started: every assignment of the plan falls due seconds after publishing.)
    expect(await row(id)).toMatchObject({ status: 'pending_acceptance' });

    // A signal from the wrong unit is refused and leaves nothing behind.
    await expect(assignments.act(id, { type: 'accept' }, staffOf(`${unit}以外的单位`))).rejects.toMatchObject({ code: 'forbidden' });
    expect((await eventTypes(id)).filter((type) => type !== 'escalated')).toEqual([]);

    // 签收 and 反馈.
    const accepted = await assignments.act(id, { type: 'accept' }, staffOf(unit));
    expect(accepted.state.status).toBe('in_progress');
    await expect(assignments.act(id, { type: 'accept' }, staffOf(unit))).rejects.toMatchObject({ code: 'conflict' });
    await expect(assignments.act(id, { type: 'reportProgress', percent: 130, text: '超出范围' }, staffOf(unit))).rejects.toMatchObject({ code: 'unprocessable' });
    await assignments.act(id, { type: 'reportProgress', percent: 30, text: '已完成方案制定', evidenceLinks: ['https://example.gov.cn/doc/1'] }, staffOf(unit));
    expect(await row(id)).toMatchObject({ status: 'in_progress', percent: 30 });
    const [report] = await db.query('SELECT percent, text, evidence_links FROM progress_reports WHERE assignment_id = $1', [id]);
    expect(report).toEqual({ percent: 30, text: '已完成方案制定', evidence_links: ['https://example.gov.cn/doc/1'] });

    // The deadline passes: red light, and the ladder climbs 催办 → 督办 → 通报 → 约谈 proposed.
    const overdue = await eventually('the ladder to reach 约谈 (talk proposed)', async () => {
      const current = await row(id);
      return current.escalation_level === 'talk' ? current : undefined;
    }, 60_000);
    expect(overdue.light).toBe('red');
    expect(overdue.light_reasons.map((reason) => reason.code)).toContain('overdue');
    const levels = (await db.query('SELECT level, source FROM escalations WHERE assignment_id = $1 ORDER BY seq', [id])) as { level: string; source: string }[];
    expect(levels).toEqual([
      { level: 'urge', source: 'ladder' },
      { level: 'supervise', source: 'ladder' },
      { level: 'bulletin', source: 'ladder' },
      { level: 'talk_proposed', source: 'ladder' },
    ]);
    await eventually('escalation notices delivered to the unit, supervisors and coordinator', async () => {
      const unitKinds = await inboxKinds(unit, id);
      const supervisorKinds = await inboxKinds('role:supervisor', id);
      const coordinatorKinds = await inboxKinds('role:coordinator', id);
      return unitKinds.filter((kind) => kind === 'assignment.escalated').length === 3 && supervisorKinds.length === 2 && coordinatorKinds.length === 1 ? true : undefined;
    });

    // Supervisors 督办; a coordinator holds the 约谈, which is recorded and counted.
    await assignments.act(id, { type: 'urge', level: 'supervise', note: '请本周内办结' }, supervisor);
    await expect(assignments.act(id, { type: 'triggerTalk', reason: '逾期未办结' }, supervisor)).rejects.toMatchObject({ code: 'forbidden' });
    await assignments.act(id, { type: 'triggerTalk', reason: '逾期未办结' }, coordinator);
    expect(await row(id)).toMatchObject({ talk_count: 1 });
    const [{ talks }] = await db.query("SELECT count(*)::int AS talks FROM escalations WHERE assignment_id = $1 AND level = 'talk' AND source = 'coordinator'", [id]);
    expect(talks).toBe(1);

    // 延期: requested, approved with a new due date → no longer overdue, the ladder restarts.
    const newDueDate = '2099-12-31';
    await assignments.act(id, { type: 'requestExtension', newDueDate, reason: '需配套资金到位' }, staffOf(unit));
    await expect(assignments.act(id, { type: 'decideExtension', approve: true }, staffOf(unit))).rejects.toMatchObject({ code: 'forbidden' });
    const extended = await assignments.act(id, { type: 'decideExtension', approve: true }, coordinator);
    expect(extended.state.dueDate).toBe(newDueDate);
    expect(extended.light.color).not.toBe('red');
    expect(await row(id)).toMatchObject({ due_date: newDueDate, escalation_level: null });

    // 申请办结 → 退回 → 申请办结 → 销号.
    await assignments.act(id, { type: 'requestClosure', summary: '已完成全部建设任务' }, staffOf(unit));
    expect(await row(id)).toMatchObject({ status: 'closure_requested' });
    await assignments.act(id, { type: 'rejectClosure', reason: '佐证材料不全' }, coordinator);
    expect(await row(id)).toMatchObject({ status: 'in_progress' });
    await assignments.act(id, { type: 'requestClosure', summary: '补充了验收报告', evidenceLinks: ['https://example.gov.cn/doc/2'] }, staffOf(unit));
    const closed = await assignments.act(id, { type: 'approveClosure', note: '材料齐全，同意销号' }, coordinator);
    expect(closed.state.status).toBe('closed');
    expect(await row(id)).toMatchObject({ status: 'closed', light: 'neutral' });

    const types = await eventTypes(id);
    expect(types.filter((type) => type === 'escalated')).toHaveLength(4);
    expect(types.filter((type) => type !== 'escalated')).toEqual([
      'accepted',
      'progress_reported',
      'urged',
      'talk_triggered',
      'extension_requested',
      'extension_approved',
      'closure_requested',
      'closure_rejected',
      'closure_requested',
      'closure_approved',
    ]);
    await eventually('closure notices in the unit inbox', async () => {
      const kinds = await inboxKinds(unit, id);
      return ['assignment.closure_rejected', 'assignment.extension_approved', 'assignment.closure_approved', 'assignment.talk_triggered'].every((kind) => kinds.includes(kind)) ? kinds : undefined;
    });

    // The workflow finished; a further action is refused as a conflict.
    await expect(assignments.act(id, { type: 'reportProgress', percent: 100, text: '再次反馈' }, staffOf(unit))).rejects.toBeInstanceOf(ServiceError);
  });
});
