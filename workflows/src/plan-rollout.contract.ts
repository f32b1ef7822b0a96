export interface PlanRolloutInput {
  readonly planId: string;
  /** Workflows started per activity call. */
  readonly batchSize: number;
}

export interface PlanRolloutResult {
  readonly planId: string;
  readonly assignments: number;
  readonly workflowsStarted: number;
}

/** The activities of the rollout workflow; implemented in activities/. */
export interface PlanRolloutActivityApi {
  /**
   * Computes the plan's assignments (domain rollout) and inserts them, their
   * milestones and the units' "new tasks" notices; idempotent (deterministic ids).
   * Returns how many assignments the plan has.
   */
  createPlanAssignments(input: { planId: string }): Promise<{ assignments: number }>;
  /**
   * Starts the assignment workflows of rows not yet started, up to `limit`, with
   * deterministic workflow ids (an already running one counts as started).
   * Returns how many were started in this call; 0 when all are running.
   */
  startAssignmentWorkflows(input: { planId: string; limit: number }): Promise<{ started: number }>;
  /** Marks the plan published. */
  completePlanRollout(input: { planId: string }): Promise<void>;
}

export function planRolloutWorkflowId(planId: string): string {
  return `plan-rollout:${planId}`;
}
