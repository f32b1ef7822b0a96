import { proxyActivities } from '@temporalio/workflow';
import type { ImportPlanInput, ImportPlanResult, PlanImportActivityApi } from './plan-import.contract';

const { storeImportedPlan, enqueueOutboxMessages } = proxyActivities<PlanImportActivityApi>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/** Import a parsed plan as a draft: store it, then notify administrators through the outbox. */
export async function importPlanWorkflow(input: ImportPlanInput): Promise<ImportPlanResult> {
  const stored = await storeImportedPlan(input);
  await enqueueOutboxMessages(stored.outboxMessageIds);
  return { planId: stored.planId, created: stored.created };
}
