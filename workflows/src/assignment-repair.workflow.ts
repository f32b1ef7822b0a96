import { proxyActivities } from '@temporalio/workflow';
import type { AssignmentRepairActivityApi, RepairAssignmentsInput, RepairReport } from './assignment-repair.contract';

const { repairAssignmentWorkflows } = proxyActivities<AssignmentRepairActivityApi>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * Keeps the record and the orchestration together: open assignments (per
 * PostgreSQL) whose workflow is gone are started again from their recorded state.
 * Started by the API when an action finds a workflow missing; the worker runs the
 * same pass in-process at start and periodically.
 */
export async function repairAssignmentsWorkflow(input: RepairAssignmentsInput): Promise<RepairReport> {
  return repairAssignmentWorkflows(input);
}
