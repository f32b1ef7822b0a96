import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { Actor } from '@duban/domain';
import { jurisdictionKey, organisationId, SEED_CITIES, SEED_PLAN_JURISDICTIONS } from '@duban/persistence';
import { PlanService, PlanUnitsService, SeedService } from '@duban/services';
import { openDatabase, startWorker, useTestEnvironment } from '../support/duban-harness';
import { SEED_PLANS, seedPlanBytes, startServices } from '../support/plan-fixtures';

/**
 * The local demo's seed plans pass the publish gate once the coordinator's recorded decisions are taken
 * (seed-decisions.ts, through the draft editor). Each seed document is imported here as a copy of its own (one
 * more line, so another hash) so the run's shared seed drafts stay untouched.
 */
const COORDINATOR: Actor = { role: 'coordinator', unitIds: [], id: 'test-coordinator' };

describe('seed plans: the coordinator decisions the demo records', () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let services: INestApplicationContext;
  let db: DataSource;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    const run = useTestEnvironment('seed-decisions');
    worker = await startWorker(run);
    services = await startServices();
    db = await openDatabase(run);
  });

  afterAll(async () => {
    await services?.close();
    await worker?.stop();
    await db?.destroy();
  });

  it('every seed plan passes the publish gate after the recorded decisions, with the plan-end default accepted', async () => {
    const plans = services.get(PlanService);
    const seed = services.get(SeedService);
    const outcome: Record<string, unknown> = {};
    for (const file of SEED_PLANS) {
      const bytes = Buffer.concat([seedPlanBytes(file), Buffer.from(`\n（测试副本 ${tag}）\n`, 'utf8')]);
      const { planId } = await plans.importDocument(bytes, file);
      // As the seed step does: a plan that names no city gets the one the seed list gives (呼和浩特 for 001).
      const city = SEED_CITIES.find((candidate) => candidate.name === SEED_PLAN_JURISDICTIONS[file]);
      if (city && (await plans.get(planId)).jurisdiction === null) {
        await services.get(PlanUnitsService).setJurisdiction(planId, COORDINATOR, organisationId(jurisdictionKey(city.province, city.name)));
      }
      const before = await plans.preview(planId, '2026-12-31', { confirmProposals: true, acceptPlanEndDefault: true });
      await seed.applyCoordinatorDecisions(planId, file, file);
      const after = await plans.preview(planId, '2026-12-31', { confirmProposals: true, acceptPlanEndDefault: true });
      outcome[file] = { before: before.problems.map((problem) => problem.message), after: after.problems.map((problem) => problem.message) };
    }
    // What the gate said before and after the decisions (shown when the test fails).
    console.log(JSON.stringify(outcome, null, 1));
    for (const file of SEED_PLANS) expect({ file, problems: (outcome[file] as { after: string[] }).after }).toEqual({ file, problems: [] });
  });
});
