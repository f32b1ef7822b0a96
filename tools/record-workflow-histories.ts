/**
 * Records real histories of Duban's workflows for the replay tests
 * (tests/replay): a plan import, a small rollout and one assignment walked
 * through acceptance, progress, the escalation ladder, an extension and closure.
 * A fourth recording has many Updates at one assignment at once while its ladder
 * timers fire (the one-writer mutex path); a fifth, an assignment issued after its
 * deadline (the ladder-entry path). Run after a workflow change that is meant
 * to be compatible, commit the files (`--only NAME,…` records just those, keeping the
 * others, e.g. histories recorded before a patch):
 *
 *   node tools/bootstrap/run.mjs tools/record-workflow-histories.ts [--only assignment-concurrent-updates]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '@duban/domain';
import { AssignmentService, PlanService } from '@duban/services';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import { connectTemporalClient } from '@duban/temporal';
import { importPlanWorkflowId, planRolloutWorkflowId } from '@duban/workflows';
import { testSpeedSettings } from '../tests/support/plan-fixtures';
import { insertSyntheticPlan } from '../tests/support/synthetic-plan';
import { startLocalStack } from './local-stack';

const OUT = join(__dirname, '../tests/fixtures/histories');
const admin: Actor = { role: 'admin', unitIds: [], id: 'recorder' };
const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'recorder' };

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1]!.split(',') : null;
const wanted = (name: string) => only === null || only.includes(name);

async function main(): Promise<void> {
  const stack = await startLocalStack('record');
  const { client, connection } = await connectTemporalClient({ address: stack.temporalAddress, namespace: 'default' });
  // The Temporal CLI prints histories in the proto3 JSON form that historyFromJSON reads.
  const cli = process.env.TEMPORAL_CLI_PATH ?? join(__dirname, '../.tools/bin/temporal');
  const save = async (file: string, workflowId: string) => {
    if (!wanted(file.replace(/\.json$/, ''))) return;
    const json = execFileSync(cli, ['workflow', 'show', '--workflow-id', workflowId, '--address', stack.temporalAddress, '--output', 'json'], { maxBuffer: 64 * 1024 * 1024 });
    writeFileSync(join(OUT, file), json);
    console.log(`recorded ${file} (${(JSON.parse(json.toString()) as { events: unknown[] }).events.length} events)`);
  };
  try {
    const plans = stack.services.get(PlanService);
    const seed = '002_cc373f70ccc640b3.txt';
    const imported = await plans.importDocument(readFileSync(join(__dirname, '../seeds/plans', seed)), seed);
    const { createHash } = await import('node:crypto');
    await save('plan-import.json', importPlanWorkflowId(createHash('sha256').update(readFileSync(join(__dirname, '../seeds/plans', seed))).digest('hex')));
    void imported;

    const planId = await insertSyntheticPlan(stack.db, 2, 2, testSpeedSettings(4_000, 800));
    await plans.publish(planId, admin, { wait: true });
    await save('plan-rollout.json', planRolloutWorkflowId(planId));

    const assignments = stack.services.get(AssignmentService);
    const [first] = (await assignments.list({ planId }, { sort: 'taskNumber' })).items;
    const unit = first!.unitName;
    const staff: Actor = { role: 'unit_staff', unitIds: [unit], id: 'recorder' };
    await assignments.act(first!.id, { type: 'accept' }, staff);
    await assignments.act(first!.id, { type: 'reportProgress', percent: 40, text: '推进中' }, staff);
    for (let waited = 0; waited < 30_000; waited += 250) {
      if ((await assignments.get(first!.id)).escalationLevel === 'talk') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await assignments.act(first!.id, { type: 'triggerTalk', reason: '逾期' }, coordinator);
    await assignments.act(first!.id, { type: 'requestExtension', newDueDate: '2099-06-30', reason: '资金未到位' }, staff);
    await assignments.act(first!.id, { type: 'decideExtension', approve: true }, coordinator);
    await assignments.act(first!.id, { type: 'requestClosure', summary: '完成' }, staff);
    await assignments.act(first!.id, { type: 'rejectClosure', reason: '材料不全' }, coordinator);
    await assignments.act(first!.id, { type: 'requestClosure', summary: '补充材料' }, staff);
    await assignments.act(first!.id, { type: 'approveClosure' }, coordinator);
    const row = await assignments.get(first!.id);
    await client.workflow.getHandle(row.workflowId).result();
    await save('assignment-lifecycle.json', row.workflowId);

    if (wanted('assignment-concurrent-updates')) {
      // Overdue at once, ladder steps 300 ms apart, re-evaluated every 100 ms: Updates and timers overlap.
      const busyPlan = await insertSyntheticPlan(stack.db, 1, 1, { ...testSpeedSettings(1, 300), maxSleepMs: 100 });
      await plans.publish(busyPlan, admin, { wait: true });
      const [busy] = (await assignments.list({ planId: busyPlan })).items;
      const busyStaff: Actor = { role: 'unit_staff', unitIds: [busy!.unitName], id: 'recorder' };
      const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'recorder' };
      await Promise.all([assignments.act(busy!.id, { type: 'accept' }, busyStaff), ...[1, 2, 3].map((n) => assignments.act(busy!.id, { type: 'urge', note: `催办${n}` }, supervisor))]);
      for (let wave = 0; wave < 3; wave += 1) {
        await Promise.all([1, 2, 3].map((n) => assignments.act(busy!.id, { type: 'reportProgress', percent: wave * 10 + n, text: `第${wave}轮反馈${n}` }, busyStaff)));
      }
      await assignments.act(busy!.id, { type: 'withdraw', reason: '记录结束' }, coordinator);
      const busyRow = await assignments.get(busy!.id);
      await client.workflow.getHandle(busyRow.workflowId).result();
      await save('assignment-concurrent-updates.json', busyRow.workflowId);
    }

    if (wanted('assignment-issued-overdue')) {
      // A plan published after its task's deadline, on the working-day ladder: it enters the ladder at 催办 on
      // the day it is issued (at 09:00, or at once later in the day); before the ladder-entry patch it was
      // stamped with all four levels at once (assignment-issued-overdue-before-patch.json).
      const latePlan = await insertSyntheticPlan(stack.db, 1, 1, {}, '逾期第');
      const planRepo = stack.db.getRepository(PlanEntity);
      const draft = await planRepo.findOneByOrFail({ id: latePlan });
      const parsed = draft.parsed as unknown as { tasks: { deadlines: { due: string; text: string }[] }[] };
      parsed.tasks[0]!.deadlines = [{ due: '2025-06-30', text: '2025年6月底前完成合成任务1' }];
      await planRepo.update({ id: latePlan }, { parsed: parsed as unknown as JsonObject });
      await plans.publish(latePlan, admin, { wait: true });
      const [late] = (await assignments.list({ planId: latePlan })).items;
      for (let waited = 0; waited < 15_000; waited += 250) {
        if ((await assignments.get(late!.id)).escalationLevel !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await assignments.act(late!.id, { type: 'withdraw', reason: '记录结束' }, coordinator);
      const lateRow = await assignments.get(late!.id);
      await client.workflow.getHandle(lateRow.workflowId).result();
      await save('assignment-issued-overdue.json', lateRow.workflowId);
    }
  } finally {
    await connection.close();
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
