import type { INestApplicationContext } from '@nestjs/common';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { isTerminalStatus, type Actor, type AssignmentStatus } from '@duban/domain';
import { dataSourceOptions, dropDatabase, migrateDatabase } from '@duban/persistence';
import { AssignmentService, PlanService, ServiceError } from '@duban/services';
import { connectTemporalClient } from '@duban/temporal';
import type { AssignmentView } from '@duban/workflows';
import { eventually, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { startPrivateTemporal } from '../support/private-services';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import { REPO_ROOT, type TestRun } from '../support/test-run';

const admin: Actor = { role: 'admin', unitIds: [], id: 'repair-admin' };
const coordinator: Actor = { role: 'coordinator', unitIds: [], id: 'repair-coordinator' };
const staffOf = (unit: string): Actor => ({ role: 'unit_staff', unitIds: [unit], id: `repair-staff-${unit}` });

/**
 * Temporal loses its data (a removed data folder, a second checkout's fresh server)
 * while PostgreSQL keeps the record: Duban finds every open assignment without a
 * workflow and starts it again from the recorded state — on demand when an action
 * finds it missing, and for all of them when the worker starts. No action answers
 * "no longer running" for an assignment the record says is open.
 */
describe('record repair after Temporal lost its data', () => {
  let run: TestRun;
  let databaseUrl: string;
  let db: DataSource;
  const saved = { TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS, DATABASE_URL: process.env.DATABASE_URL, REPAIR_EVERY_MS: process.env.REPAIR_EVERY_MS };
  const binary = process.env.TEMPORAL_CLI_PATH!;

  beforeAll(async () => {
    run = useTestEnvironment('repair');
    // A database of this file's own: the start-up repair looks at every open assignment.
    databaseUrl = `${run.databaseUrl}_repair`;
    process.env.DATABASE_URL = databaseUrl;
    await migrateDatabase(databaseUrl);
    db = new DataSource(dataSourceOptions(databaseUrl, { poolSize: 2 }));
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    if (databaseUrl) await dropDatabase(databaseUrl);
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** `duban <args>` as an operator would run it, against this file's database and the current Temporal. */
  // Asynchronous: the worker in this process must keep working meanwhile.
  function duban(...args: string[]): Promise<{ status: number; stdout: string; json: () => Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      execFile(process.execPath, [join(REPO_ROOT, 'dist/apps/cli/src/main.js'), ...args], { env: { ...process.env, LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (status < 0 || stderr.includes('duban:')) return reject(new Error(`duban ${args.join(' ')} failed: ${stderr || String(error)}`));
        resolve({ status, stdout, json: () => JSON.parse(stdout) as Record<string, unknown> });
      });
    });
  }

  async function rows(planId: string) {
    return (await db.query('SELECT id, unit_name, task_number, status, version, workflow_id FROM assignments WHERE plan_id = $1 ORDER BY key', [planId])) as {
      id: string;
      unit_name: string;
      task_number: number;
      status: AssignmentStatus;
      version: number;
      workflow_id: string;
    }[];
  }

  it('re-creates the missing workflows with their recorded state, and they accept actions', async () => {
    // 1. A plan runs on server A: some assignments accepted and reported on, one withdrawn.
    const serverA = await startPrivateTemporal(binary);
    process.env.TEMPORAL_ADDRESS = serverA.address;
    let worker = await startWorker(run);
    let services: INestApplicationContext = await startServices();
    const planId = await insertSyntheticPlan(db, 2, 3);
    await services.get(PlanService).publish(planId, admin, { wait: true });
    let assignments = services.get(AssignmentService);
    const [first, second, third] = await rows(planId);
    await assignments.act(first!.id, { type: 'accept' }, staffOf(first!.unit_name));
    await assignments.act(first!.id, { type: 'reportProgress', percent: 40, text: '服务器A上的反馈' }, staffOf(first!.unit_name));
    await assignments.act(second!.id, { type: 'accept' }, staffOf(second!.unit_name));
    await assignments.act(third!.id, { type: 'withdraw', reason: '不再需要' }, coordinator);
    const recorded = await rows(planId);
    await services.close();
    await worker.stop();
    await serverA.stop();

    // 2. A fresh server B (Temporal's data is gone); the worker's periodic repair is off.
    const serverB = await startPrivateTemporal(binary);
    try {
      process.env.TEMPORAL_ADDRESS = serverB.address;
      process.env.REPAIR_EVERY_MS = '0';
      worker = await startWorker(run);
      services = await startServices();
      assignments = services.get(AssignmentService);

      // duban doctor sees the five open assignments without a workflow.
      const doctor = await duban('doctor', '--format', 'json');
      expect(doctor.status).toBe(1);
      expect(doctor.json()).toMatchObject({ ok: false, openAssignments: 5, sequenceProblems: { count: 0 }, workflowProblems: { deep: true, count: 5 } });

      // An action on an open assignment asks for its repair and answers 503 (retry), never "no longer running"…
      const refused = await assignments.act(first!.id, { type: 'reportProgress', percent: 50, text: '恢复期间的反馈' }, staffOf(first!.unit_name)).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ServiceError);
      expect(refused).toMatchObject({ code: 'unavailable', details: { reason: 'workflow_recovering' } });
      // …and the retry goes through on the workflow re-created from the record.
      const view = await eventually('the repaired workflow to take the report', async () =>
        assignments.act(first!.id, { type: 'reportProgress', percent: 50, text: '恢复后的反馈' }, staffOf(first!.unit_name)).catch(() => undefined),
      );
      expect(view.state.status).toBe('in_progress');
      expect(view.eventSeq).toBe(recorded[0]!.version + 1);
      const seqs = ((await db.query('SELECT seq FROM assignment_events WHERE assignment_id = $1 ORDER BY seq', [first!.id])) as { seq: number }[]).map((row) => row.seq);
      expect(seqs).toEqual(seqs.map((_, index) => index + 1));
      // A withdrawn assignment stays ended: 409, not a repair.
      await expect(assignments.act(third!.id, { type: 'accept' }, staffOf(third!.unit_name))).rejects.toMatchObject({ code: 'conflict' });
      await services.close();
      await worker.stop();

      // 3. The worker starts with its record repair on: every open assignment runs again, with its recorded state.
      process.env.REPAIR_EVERY_MS = '600000';
      worker = await startWorker(run);
      services = await startServices();
      assignments = services.get(AssignmentService);
      const { client, connection } = await connectTemporalClient({ address: serverB.address, namespace: 'default' });
      try {
        const now = await rows(planId);
        const open = now.filter((row) => !isTerminalStatus(row.status));
        expect(open).toHaveLength(5);
        for (const row of open) {
          const live = await eventually(`the workflow of ${row.unit_name}/${row.task_number} to run again`, () =>
            client.workflow.getHandle(row.workflow_id).query<AssignmentView>('view').catch(() => undefined),
          );
          expect({ status: live.state.status, eventSeq: live.eventSeq }).toEqual({ status: row.status, eventSeq: row.version });
        }
        const withdrawn = now.find((row) => row.id === third!.id)!;
        await expect(client.workflow.getHandle(withdrawn.workflow_id).describe()).rejects.toThrow();
        // They accept actions.
        const pending = open.find((row) => row.status === 'pending_acceptance')!;
        const accepted = await assignments.act(pending.id, { type: 'accept' }, staffOf(pending.unit_name));
        expect(accepted.state.status).toBe('in_progress');

        // Record and orchestration agree again; duban repair finds nothing to do.
        expect((await duban('doctor')).status).toBe(0);
        expect((await duban('repair')).stdout).toMatch(/^5 open assignments checked: 0 workflows re-created, 0 restarted/);
        // A hole in an event log (what the old race left behind) is reported.
        await db.query('DELETE FROM assignment_events WHERE assignment_id = $1 AND seq = 1', [first!.id]);
        const gap = await duban('doctor', '--quick', '--format', 'json');
        expect(gap.status).toBe(1);
        expect(gap.json()).toMatchObject({ sequenceProblems: { count: 1, examples: [{ assignmentId: first!.id, events: 2, maxSeq: 3, version: 3 }] } });
      } finally {
        await connection.close();
        await services.close();
        await worker.stop();
      }
    } finally {
      await serverB.stop();
    }
  }, 240_000);
});
