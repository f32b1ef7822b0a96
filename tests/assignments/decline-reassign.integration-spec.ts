import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { AssignmentService, PlanService } from '@duban/services';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { insertSyntheticPlan } from '../support/synthetic-plan';

const admin: Actor = { role: 'admin', unitIds: [], id: 'test-admin' };
const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'test-coordinator' };

/** 退办 → 改派 and 撤销: the declined unit's assignment ends, the new unit gets its own, running. */
describe('decline, reassign and withdraw', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    const run = useTestEnvironment('reassign');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  it('moves a declined task to another unit and withdraws another', async () => {
    const planId = await insertSyntheticPlan(db, 1, 2);
    await services.get(PlanService).publish(planId, admin, { wait: true });
    const assignments = services.get(AssignmentService);
    const { items } = await assignments.list({ planId });
    const lead = items.find((item) => item.responsibility === 'lead');
    const support = items.find((item) => item.responsibility === 'support');
    const staff: Actor = { role: 'unit_staff', unitIds: [lead!.unitName], id: 'staff' };

    await expect(assignments.act(lead!.id, { type: 'decline', reason: '' }, staff)).rejects.toMatchObject({ code: 'unprocessable' });
    await assignments.act(lead!.id, { type: 'decline', reason: '不属于本单位职责' }, staff);
    await eventually('the coordinator told to reassign', async () => {
      const [row] = await db.query("SELECT 1 FROM inbox_messages WHERE recipient = 'role:coordinator' AND kind = 'assignment.declined' AND payload->>'assignmentId' = $1", [lead!.id]);
      return row;
    });
    const reassigned = await assignments.act(lead!.id, { type: 'reassign', toUnit: '市数据局', reason: '职责调整' }, coordinator);
    expect(reassigned.state.status).toBe('reassigned');

    const moved = await eventually('the new unit’s assignment with a running workflow', async () => {
      const page = await assignments.list({ planId, unit: '市数据局' });
      const item = page.items[0];
      return item && (await db.query('SELECT workflow_started FROM assignments WHERE id = $1', [item.id]))[0].workflow_started ? item : undefined;
    });
    expect(moved).toMatchObject({ taskNumber: 1, status: 'pending_acceptance', responsibility: 'lead' });
    const accepted = await assignments.act(moved.id, { type: 'accept' }, { role: 'unit_staff', unitIds: ['市数据局'], id: 'staff2' });
    expect(accepted.state.status).toBe('in_progress');

    const withdrawn = await assignments.act(support!.id, { type: 'withdraw', reason: '任务调整' }, coordinator);
    expect(withdrawn.state.status).toBe('withdrawn');
    await eventually('the read model to show both ends', async () => {
      const rows = await db.query('SELECT id, status, light FROM assignments WHERE id = ANY($1) ORDER BY id', [[lead!.id, support!.id]]);
      return rows.every((row: { status: string; light: string }) => row.light === 'neutral') ? rows : undefined;
    });
  });
});
