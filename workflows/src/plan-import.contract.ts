import type { Plan } from '@duban/plan-parser';

export interface ImportPlanInput {
  /** sha256 of the document's bytes. */
  readonly sourceHash: string;
  readonly documentName: string;
  readonly plan: Plan;
}

export interface ImportPlanResult {
  readonly planId: string;
  /** False when the same document had been imported before. */
  readonly created: boolean;
}

/** The activities the import workflow calls; implemented in activities/. */
export interface PlanImportActivityApi {
  /** Stores the draft plan and its "imported" notice in one transaction; idempotent by sourceHash. */
  storeImportedPlan(input: ImportPlanInput): Promise<ImportPlanResult & { outboxMessageIds: string[] }>;
  /** Hands outbox messages to BullMQ for delivery; idempotent by outbox id. */
  enqueueOutboxMessages(outboxMessageIds: string[]): Promise<void>;
}

export function importPlanWorkflowId(sourceHash: string): string {
  return `plan-import:${sourceHash}`;
}
