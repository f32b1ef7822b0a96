import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DataSource, In, Not } from 'typeorm';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { TERMINAL_STATUSES } from '@duban/domain';
import { AssignmentEntity, PlanEntity } from '@duban/persistence';
import { TemporalClientProvider } from '@duban/temporal';
import { planRolloutWorkflowId, type AssignmentRepairActivityApi, type RepairAssignmentsInput, type RepairReport } from '@duban/workflows';
import { AssignmentStarter } from './assignment-starter';

/** Workflow statuses after which a new run may replace the old one (never COMPLETED). */
const ENDED_ABNORMALLY = new Set(['FAILED', 'TERMINATED', 'TIMED_OUT', 'CANCELLED']);
const DESCRIBE_CONCURRENCY = 16;
/** Suspect rows loaded whole per query. */
const WHOLE_ROWS_CHUNK = 1000;

/**
 * The record and the orchestration stay together: every assignment PostgreSQL
 * says is open must have a running workflow. A missing one (Temporal's data lost,
 * a second checkout against the same database) or one that ended abnormally is
 * started again from the recorded state; a plan still publishing gets its rollout
 * again. Idempotent (deterministic workflow ids); logs what it re-created.
 */
@Injectable()
export class AssignmentRepairActivities implements AssignmentRepairActivityApi {
  private readonly logger = new Logger('AssignmentRepair');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    private readonly starter: AssignmentStarter,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  async repairAssignmentWorkflows(input: RepairAssignmentsInput): Promise<RepairReport> {
    const heartbeat = activityHeartbeat();
    const client = await this.temporal.client();
    // Ids only: a worker runs this every REPAIR_EVERY_MS over every open assignment (100,000 and more), and whole
    // rows (state, targets, reasons) of all of them outgrew the worker's heap; only the suspects are loaded whole.
    const rows = await this.dataSource.getRepository(AssignmentEntity).find({
      select: { id: true, workflowId: true },
      where: { status: Not(In([...TERMINAL_STATUSES])), workflowStarted: true, ...(input.assignmentIds ? { id: In([...input.assignmentIds]) } : {}) },
      order: { key: 'ASC' },
    });
    const running = input.assignmentIds ? new Set<string>() : await runningAssignmentWorkflows(client, heartbeat);
    const suspects = rows.filter((row) => !running.has(row.workflowId));
    running.clear();
    const missingIds: string[] = [];
    const endedIds: string[] = [];
    const inconsistent: string[] = [];
    let next = 0;
    const describe = async () => {
      while (next < suspects.length) {
        const row = suspects[next++]!;
        const status = await workflowStatus(client, row.workflowId);
        if (status === null) missingIds.push(row.id);
        else if (ENDED_ABNORMALLY.has(status)) endedIds.push(row.id);
        else if (status === 'COMPLETED') inconsistent.push(row.id);
        if (next % 100 === 0) heartbeat();
      }
    };
    await Promise.all(Array.from({ length: Math.min(DESCRIBE_CONCURRENCY, suspects.length) }, describe));

    const recreated = await this.starter.startFromRecord(await this.wholeRows(missingIds), { replaceFailed: false }, heartbeat);
    const restarted = await this.starter.startFromRecord(await this.wholeRows(endedIds), { replaceFailed: true }, heartbeat);
    const rollouts = input.assignmentIds ? [] : await this.resumeRollouts(client);
    const report: RepairReport = { checked: rows.length, recreated, restarted, inconsistent, rollouts };
    if (recreated.length + restarted.length + rollouts.length > 0) {
      this.logger.warn(`re-created ${recreated.length} missing and ${restarted.length} ended assignment workflows from the record; resumed ${rollouts.length} rollouts: ${JSON.stringify({ recreated, restarted, rollouts }).slice(0, 2000)}`);
    }
    if (inconsistent.length > 0) this.logger.error(`${inconsistent.length} assignments are open in the record but their workflow completed: ${inconsistent.slice(0, 50).join(', ')} (duban doctor)`);
    return report;
  }

  /** The whole rows of these assignments (a start needs their state), in key order like the pass. */
  private async wholeRows(ids: readonly string[]): Promise<AssignmentEntity[]> {
    const rows: AssignmentEntity[] = [];
    for (let i = 0; i < ids.length; i += WHOLE_ROWS_CHUNK) {
      rows.push(...(await this.dataSource.getRepository(AssignmentEntity).find({ where: { id: In(ids.slice(i, i + WHOLE_ROWS_CHUNK)) }, order: { key: 'ASC' } })));
    }
    return rows;
  }

  /** Plans still publishing whose rollout workflow is gone or failed: the rollout (idempotent) runs again. */
  private async resumeRollouts(client: Client): Promise<string[]> {
    const plans = await this.dataSource.getRepository(PlanEntity).find({ where: { status: 'publishing' } });
    const resumed: string[] = [];
    for (const plan of plans) {
      const workflowId = planRolloutWorkflowId(plan.id);
      const status = await workflowStatus(client, workflowId);
      if (status === 'RUNNING') continue;
      await client.workflow.start('planRolloutWorkflow', { taskQueue: this.config.temporalTaskQueue, workflowId, args: [{ planId: plan.id, batchSize: 200 }], workflowIdConflictPolicy: 'USE_EXISTING' });
      resumed.push(plan.id);
    }
    return resumed;
  }
}

/** Ids of running assignment workflows, from Temporal's visibility (may lag: suspects are described one by one). */
async function runningAssignmentWorkflows(client: Client, heartbeat: () => void): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const execution of client.workflow.list({ query: "WorkflowType = 'assignmentWorkflow' AND ExecutionStatus = 'Running'" })) {
    ids.add(execution.workflowId);
    if (ids.size % 1000 === 0) heartbeat();
  }
  return ids;
}

/** The status of the workflow's latest run, or null when Temporal has never heard of it. */
async function workflowStatus(client: Client, workflowId: string): Promise<string | null> {
  try {
    return (await client.workflow.getHandle(workflowId).describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
}

/** Heartbeats when running as an activity; a no-op when called in-process (worker start, duban repair). */
function activityHeartbeat(): () => void {
  try {
    const context = Context.current();
    return () => context.heartbeat();
  } catch {
    return () => undefined;
  }
}
