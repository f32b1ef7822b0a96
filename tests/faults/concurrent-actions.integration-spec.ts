import type { INestApplicationContext } from '@nestjs/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { AssignmentStarter, PlanRolloutActivities } from '@duban/activities';
import type { Actor } from '@duban/domain';
import { AssignmentService } from '@duban/services';
import { TemporalClientProvider } from '@duban/temporal';
import { eventually, openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { startServices, testSpeedSettings } from '../support/plan-fixtures';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import type { TestRun } from '../support/test-run';

const supervisor: Actor = { role: 'supervisor', unitIds: [], id: 'race-supervisor' };
const staffOf = (unit: string): Actor => ({ role: 'unit_staff', unitIds: [unit], id: `race-staff-${unit}` });

/** Updates the first workflow task accepted (they ran in the same activation as the workflow's start). */
function acceptedInFirstTask(events: readonly { workflowTaskCompletedEventAttributes?: unknown; workflowExecutionUpdateAcceptedEventAttributes?: unknown; workflowTaskScheduledEventAttributes?: unknown }[]): number {
  const firstCompleted = events.findIndex((event) => event.workflowTaskCompletedEventAttributes);
  let accepted = 0;
  for (const event of events.slice(firstCompleted + 1)) {
    if (event.workflowTaskScheduledEventAttributes) break;
    if (event.workflowExecutionUpdateAcceptedEventAttributes) accepted += 1;
  }
  return accepted;
}

/**
 * One writer at a time, for real: many Updates at one assignment while its timers
 * fire, including Updates that arrive before the workflow's very first task (they
 * are delivered in the same activation as the workflow's start and its first timer
 * evaluation). Every acknowledged action must be in the event log, the sequence must
 * be unique and gap-free, and the history must replay.
 */
describe('concurrent actions on one assignment', () => {
  let run: TestRun;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  let assignments: AssignmentService;

  beforeAll(async () => {
    run = useTestEnvironment('races');
    worker = await startWorker(run, { poll: false });
    services = await startServices();
    db = await openDatabase(run);
    assignments = services.get(AssignmentService);
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  /** Seqs of the assignment's events, and the read model's version. */
  async function sequence(assignmentId: string): Promise<{ seqs: number[]; version: number }> {
    const rows = (await db.query('SELECT seq FROM assignment_events WHERE assignment_id = $1 ORDER BY seq', [assignmentId])) as { seq: number }[];
    const [{ version }] = await db.query('SELECT version FROM assignments WHERE id = $1', [assignmentId]);
    return { seqs: rows.map((row) => row.seq), version };
  }

  async function recordedTexts(assignmentId: string, type: string, field: string): Promise<string[]> {
    const rows = (await db.query(`SELECT payload->>'${field}' AS text FROM assignment_events WHERE assignment_id = $1 AND type = $2`, [assignmentId, type])) as { text: string }[];
    return rows.map((row) => row.text);
  }

  it('records every acknowledged Update exactly once, gap-free, and replays', async () => {
    // Overdue from the start: the first timer evaluation escalates, in the same activation as the Updates below.
    const planId = await insertSyntheticPlan(db, 1, 1, { ...testSpeedSettings(1, 400), maxSleepMs: 100 }, '并发测试第');
    const rollout = worker.app.get(PlanRolloutActivities);
    await new MockActivityEnvironment().run((input: { planId: string }) => rollout.createPlanAssignments(input), { planId });
    const [{ id, unit_name: unit, workflow_id: workflowId }] = await db.query('SELECT id, unit_name, workflow_id FROM assignments WHERE plan_id = $1', [planId]);
    // The workflow starts while no worker polls: its first task will carry these Updates too.
    await worker.app.get(AssignmentStarter).startPending(planId, 10);

    const refusals: string[] = [];
    const acknowledged = { urged: [] as string[], progress: [] as string[] };
    const urge = async (note: string) => {
      try {
        await assignments.act(id, { type: 'urge', note }, supervisor, `race-${note}`);
        acknowledged.urged.push(note);
      } catch {
        // Refused (e.g. too many Updates in flight): not acknowledged, so not required in the record.
      }
    };
    const firstWave = Array.from({ length: 6 }, (_, index) => urge(`首批催办${index}`));
    // The Updates reach the server (which holds them for the first workflow task) before the worker polls;
    // the history check below proves that several did arrive in that first task.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    worker.startPolling();
    await Promise.all(firstWave);
    expect(acknowledged.urged.length).toBeGreaterThan(0);

    await assignments.act(id, { type: 'accept' }, staffOf(unit));
    // Waves of reports and urges while the ladder's timers (every 400 ms) and the 100 ms re-evaluations fire.
    for (let wave = 0; wave < 6; wave += 1) {
      await Promise.all([
        ...Array.from({ length: 4 }, async (_, index) => {
          const text = `第${wave}轮反馈${index}`;
          try {
            await assignments.act(id, { type: 'reportProgress', text, percent: wave * 10 + index }, staffOf(unit), `race-${text}`);
            acknowledged.progress.push(text);
          } catch (error) {
            refusals.push(String(error));
          }
        }),
        urge(`第${wave}轮催办`),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect({ acknowledged: acknowledged.progress.length, refusals: refusals.slice(0, 3) }).toMatchObject({ acknowledged: 24 });

    // The ladder reaches its top (约谈 proposed): the timers did fire in between.
    await eventually('the ladder to reach 约谈', async () => {
      const [row] = await db.query('SELECT escalation_level FROM assignments WHERE id = $1', [id]);
      return row.escalation_level === 'talk' ? true : undefined;
    });

    expect((await recordedTexts(id, 'urged', 'note')).sort()).toEqual([...acknowledged.urged].sort());
    expect((await recordedTexts(id, 'progress_reported', 'text')).sort()).toEqual([...acknowledged.progress].sort());
    const { seqs, version } = await sequence(id);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => index + 1));
    expect(version).toBe(seqs.length);
    const live = await assignments.live(id);
    expect(live.eventSeq).toBe(seqs.length);

    const client = await services.get(TemporalClientProvider).client();
    const history = await client.workflow.getHandle(workflowId).fetchHistory();
    expect(acceptedInFirstTask(history.events ?? [])).toBeGreaterThanOrEqual(2);
    await expect(Worker.runReplayHistory({ workflowBundle: { codePath: run.workflowBundlePath } }, history, workflowId)).resolves.toBeUndefined();
  }, 120_000);

});
