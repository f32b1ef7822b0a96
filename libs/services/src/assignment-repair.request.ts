import type { Client } from '@temporalio/client';
import { REPAIR_ASSIGNMENTS_WORKFLOW_ID, type RepairAssignmentsInput } from '@duban/workflows';

/**
 * Asks the worker to re-create the workflows of these open assignments from their
 * record (a repair already running takes the request in: it covers every open one).
 */
export async function requestAssignmentRepair(client: Client, taskQueue: string, assignmentIds: readonly string[]): Promise<void> {
  const input: RepairAssignmentsInput = { assignmentIds: [...assignmentIds] };
  await client.workflow.start('repairAssignmentsWorkflow', {
    taskQueue,
    workflowId: REPAIR_ASSIGNMENTS_WORKFLOW_ID,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}
