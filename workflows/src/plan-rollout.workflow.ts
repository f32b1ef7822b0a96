import { proxyActivities } from '@temporalio/workflow';
import type { PlanRolloutActivityApi, PlanRolloutInput, PlanRolloutResult } from './plan-rollout.contract';

// Bounded like every activity: outages are retried for about ten minutes, data errors not at
// all (the worker classifies errors); a failed rollout is resumed by the record repair.
const { createPlanAssignments, completePlanRollout } = proxyActivities<PlanRolloutActivityApi>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 25 },
});

const { startAssignmentWorkflows } = proxyActivities<PlanRolloutActivityApi>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 25 },
});

/**
 * Publishes a plan: its assignments are written to Postgres, then one workflow
 * is started per assignment, in batches. Every step is idempotent, so a crash
 * anywhere (worker killed mid-batch) resumes without losing or duplicating one.
 */
export async function planRolloutWorkflow(input: PlanRolloutInput): Promise<PlanRolloutResult> {
  const { assignments } = await createPlanAssignments({ planId: input.planId });
  let workflowsStarted = 0;
  for (;;) {
    const { started } = await startAssignmentWorkflows({ planId: input.planId, limit: input.batchSize });
    if (started === 0) break;
    workflowsStarted += started;
  }
  await completePlanRollout({ planId: input.planId });
  return { planId: input.planId, assignments, workflowsStarted };
}
