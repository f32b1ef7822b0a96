/** What a repair pass looks at: all open assignments, or only these. */
export interface RepairAssignmentsInput {
  readonly assignmentIds?: readonly string[];
}

/** What a repair pass found and did; every list holds assignment ids. */
export interface RepairReport {
  /** Open assignments (per the record) looked at. */
  readonly checked: number;
  /** Their workflow did not exist (Temporal's data lost): started again from the record. */
  readonly recreated: readonly string[];
  /** Their workflow had failed, timed out or been terminated: started again from the record. */
  readonly restarted: readonly string[];
  /** Their workflow completed while the record says open: left alone, reported (duban doctor). */
  readonly inconsistent: readonly string[];
  /** Plans still publishing whose rollout workflow was gone: rollout started again. */
  readonly rollouts: readonly string[];
}

/** The activity behind repairAssignmentsWorkflow; implemented in activities/. */
export interface AssignmentRepairActivityApi {
  repairAssignmentWorkflows(input: RepairAssignmentsInput): Promise<RepairReport>;
}

/** One repair at a time: requests while one runs join it (workflowIdConflictPolicy USE_EXISTING). */
export const REPAIR_ASSIGNMENTS_WORKFLOW_ID = 'repair-assignments';
