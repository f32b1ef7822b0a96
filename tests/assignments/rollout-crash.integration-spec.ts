import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { PlanService } from '@duban/services';
import { connectTemporalClient } from '@duban/temporal';
import { planRolloutWorkflowId } from '@duban/workflows';
import { eventually, openDatabase, useTestEnvironment } from '../support/duban-harness';
import { startServices } from '../support/plan-fixtures';
import { insertSyntheticPlan } from '../support/synthetic-plan';
import { spawnWorkerProcess } from '../support/worker-process';
import type { TestRun } from '../support/test-run';

const TASKS = 105;
const UNITS_PER_TASK = 20; // 2,100 assignments
const admin: Actor = { role: 'admin', unitIds: [], id: 'crash-test' };

/**
 * The worker is SIGKILLed in the middle of publishing a 2,100-assignment plan,
 * then restarted: the rollout resumes and ends with exactly the expected
 * assignments and workflows, none lost, none twice.
 */
describe('a worker crash in the middle of a rollout', () => {
  let run: TestRun;
  let services: INestApplicationContext;
  let db: DataSource;

  beforeAll(async () => {
    run = useTestEnvironment('crash');
    services = await startServices();
    db = await openDatabase(run);
  });

  afterAll(async () => {
    await services?.close();
    await db?.destroy();
  });

  it('loses and duplicates nothing', async () => {
    const env = {
      DATABASE_URL: run.databaseUrl,
      REDIS_URL: run.redisUrl,
      TEMPORAL_ADDRESS: run.temporalAddress,
      TEMPORAL_TASK_QUEUE: process.env.TEMPORAL_TASK_QUEUE!,
      QUEUE_PREFIX: run.queuePrefix,
      DUBAN_SEEDS_DIR: process.env.DUBAN_SEEDS_DIR!,
    };
    const planId = await insertSyntheticPlan(db, TASKS, UNITS_PER_TASK);
    const expected = TASKS * UNITS_PER_TASK;

    const first = spawnWorkerProcess(env);
    await services.get(PlanService).publish(planId, admin, { wait: false, batchSize: 100 });

    // Kill it once part of the workflows are started, mid-batch.
    const startedBeforeCrash = await eventually(
      'a third of the workflows started',
      async () => {
        const [{ started }] = await db.query('SELECT count(*) FILTER (WHERE workflow_started)::int AS started FROM assignments WHERE plan_id = $1', [planId]);
        return started >= expected / 3 ? (started as number) : undefined;
      },
      150_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect(startedBeforeCrash).toBeLessThan(expected);

    const second = spawnWorkerProcess(env);
    try {
      const { client, connection } = await connectTemporalClient({ address: run.temporalAddress, namespace: 'default' });
      try {
        const result = await client.workflow.getHandle(planRolloutWorkflowId(planId)).result();
        expect(result).toMatchObject({ planId, assignments: expected });

        const [counts] = await db.query(
          `SELECT count(*)::int AS rows, count(DISTINCT key)::int AS keys, count(DISTINCT workflow_id)::int AS workflow_ids,
                  count(*) FILTER (WHERE workflow_started)::int AS started
             FROM assignments WHERE plan_id = $1`,
          [planId],
        );
        expect(counts).toEqual({ rows: expected, keys: expected, workflow_ids: expected, started: expected });

        // Every expected workflow exists and is running: one run each (REJECT_DUPLICATE ids).
        const ids: string[] = (await db.query('SELECT workflow_id FROM assignments WHERE plan_id = $1', [planId])).map((r: { workflow_id: string }) => r.workflow_id);
        const statuses = new Map<string, number>();
        for (let i = 0; i < ids.length; i += 50) {
          const described = await Promise.all(ids.slice(i, i + 50).map((id) => client.workflow.getHandle(id).describe()));
          for (const description of described) statuses.set(description.status.name, (statuses.get(description.status.name) ?? 0) + 1);
        }
        expect(Object.fromEntries(statuses)).toEqual({ RUNNING: expected });
        expect((await services.get(PlanService).get(planId)).status).toBe('published');
      } finally {
        await connection.close();
      }
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
