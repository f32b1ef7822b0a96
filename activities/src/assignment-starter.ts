import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { DataSource, In } from 'typeorm';
import { shanghaiDateOf } from '@duban/calendar';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  assignmentKey,
  assignmentWorkflowId,
  computeTrafficLight,
  createAssignmentState,
  resolveUnitName,
  type AssignmentState,
  type RecurringObligation,
} from '@duban/domain';
import { AssignmentEntity, loadOrganisationDirectory, PlanEntity, type JsonValue } from '@duban/persistence';
import { TemporalClientProvider } from '@duban/temporal';
import { lightKey, resolveRunSettings, type AssignmentWorkflowInput, type PlanRunSettings } from '@duban/workflows';
import { deterministicUuid } from './deterministic-uuid';
import { readModelColumns } from './assignment-read-model';

/** Parallel workflow starts per batch: enough to keep the server busy without flooding 2 cores. */
const START_CONCURRENCY = 32;
/** Started rows marked per UPDATE (and a heartbeat each time). */
const MARK_CHUNK = 200;

export interface NewAssignmentRow {
  readonly key: string;
  readonly planId: string;
  readonly kind: 'task' | 'target';
  readonly taskNumber: number | null;
  readonly taskTitle: string | null;
  readonly unitName: string;
  /** The directory unit (null only for a legacy row no directory entry placed). */
  readonly unitId?: string | null;
  readonly responsibility: 'lead' | 'support';
  readonly region: string | null;
  readonly expandedFrom: string | null;
  readonly proposed: boolean;
  readonly dueDate: string;
  readonly targets: readonly unknown[];
  readonly recurring: readonly RecurringObligation[];
  /** The task's dated milestones: one already past at publish shows in the light. */
  readonly milestones?: readonly { readonly due: string; readonly text: string }[];
}

/** Builds assignment rows and starts their workflows, idempotently (deterministic ids everywhere). */
@Injectable()
export class AssignmentStarter {
  private readonly logger = new Logger(AssignmentStarter.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /** The initial domain state and read-model row of a new assignment. */
  buildRow(row: NewAssignmentRow, settings: PlanRunSettings, now: number): Partial<AssignmentEntity> {
    const startDate = shanghaiDateOf(now);
    const state = createAssignmentState({
      key: row.key,
      unitId: row.unitName,
      startDate,
      dueDate: row.dueDate,
      responsibility: row.responsibility,
      ...(row.milestones ? { milestones: row.milestones } : {}),
      ...(settings.dueInMs !== undefined ? { dueAt: now + settings.dueInMs } : {}),
    });
    const light = computeTrafficLight(state, now, resolveRunSettings(settings).light);
    return {
      id: deterministicUuid(row.key),
      key: row.key,
      workflowId: assignmentWorkflowId(row.key),
      planId: row.planId,
      kind: row.kind,
      taskNumber: row.taskNumber,
      taskTitle: row.taskTitle,
      unitId: row.unitId ?? null,
      responsibility: row.responsibility,
      region: row.region,
      expandedFrom: row.expandedFrom,
      proposed: row.proposed,
      startDate,
      targets: row.targets as JsonValue[],
      recurring: row.recurring as unknown as JsonValue[],
      version: 0,
      workflowStarted: false,
      ...readModelColumns(state, light),
    };
  }

  /**
   * Starts the workflows of up to `limit` rows of the plan not yet started.
   * A workflow that already exists (a crash after starting it, before marking
   * the row) counts as started: its id is deterministic.
   */
  async startPending(planId: string, limit: number, heartbeat: () => void = () => undefined): Promise<number> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneByOrFail({ id: planId });
    const rows = await this.dataSource.getRepository(AssignmentEntity).find({
      where: { planId, workflowStarted: false },
      order: { key: 'ASC' },
      take: limit,
    });
    if (rows.length === 0) return 0;
    await this.start(rows, plan.settings as PlanRunSettings, heartbeat);
    return rows.length;
  }

  /** The coordinator reassigned a declined assignment: the new unit gets its own assignment and workflow. */
  async startReassigned(fromAssignmentId: string, toUnit: string): Promise<void> {
    const repository = this.dataSource.getRepository(AssignmentEntity);
    const from = await repository.findOneByOrFail({ id: fromAssignmentId });
    const plan = await this.dataSource.getRepository(PlanEntity).findOneByOrFail({ id: from.planId });
    const key = assignmentKey({ planId: from.planId, taskRef: from.key.split('/')[1] ?? String(from.taskNumber), unitName: toUnit, region: from.region });
    const unitId = await this.unitIdOf(toUnit, plan.jurisdictionId);
    const row = this.buildRow(
      {
        key,
        planId: from.planId,
        kind: from.kind,
        taskNumber: from.taskNumber,
        taskTitle: from.taskTitle,
        unitName: toUnit,
        unitId,
        responsibility: from.responsibility,
        region: from.region,
        expandedFrom: null,
        proposed: false,
        dueDate: from.dueDate,
        targets: from.targets,
        recurring: from.recurring as unknown as RecurringObligation[],
      },
      plan.settings as PlanRunSettings,
      Date.now(),
    );
    await this.dataSource.createQueryBuilder().insert().into(AssignmentEntity).values(row).orIgnore().execute();
    const created = await repository.findOneByOrFail({ key });
    if (!created.workflowStarted) await this.start([created], plan.settings as PlanRunSettings);
  }

  /**
   * The directory unit a 改派 names, resolved in the plan's jurisdiction as at import (exact, alias, prefix
   * rules): the new row carries its id like every published row. Null only when the name resolves to no single
   * unit (the row stays name-keyed, as a legacy one, rather than guessing).
   */
  private async unitIdOf(name: string, jurisdictionId: string | null): Promise<string | null> {
    if (jurisdictionId === null) return null;
    const directory = await loadOrganisationDirectory(this.dataSource.manager);
    const resolution = resolveUnitName(name, { directory, jurisdictionId, asOf: shanghaiDateOf(Date.now()) });
    return resolution.status === 'resolved' ? (resolution.unitId ?? null) : null;
  }

  /**
   * Starts the workflows of open assignments again from their recorded state (the
   * row's domain state and version): their workflow was lost or ended abnormally.
   * `replaceFailed` allows a new run under an id whose last run failed, timed out or
   * was terminated (never one that completed). Returns the ids started.
   */
  async startFromRecord(rows: AssignmentEntity[], options: { replaceFailed: boolean }, heartbeat: () => void = () => undefined): Promise<string[]> {
    const started: string[] = [];
    const byPlan = new Map<string, AssignmentEntity[]>();
    for (const row of rows) byPlan.set(row.planId, [...(byPlan.get(row.planId) ?? []), row]);
    for (const [planId, planRows] of byPlan) {
      const plan = await this.dataSource.getRepository(PlanEntity).findOneByOrFail({ id: planId });
      started.push(...(await this.start(planRows, plan.settings as PlanRunSettings, heartbeat, options.replaceFailed ? 'ALLOW_DUPLICATE_FAILED_ONLY' : 'REJECT_DUPLICATE')));
    }
    return started;
  }

  /** Starts each row's workflow (an existing one counts as started); returns the ids this call started. */
  private async start(
    rows: AssignmentEntity[],
    stored: PlanRunSettings,
    heartbeat: () => void = () => undefined,
    // Never a second run under the same id, even after the first one finished (repair may replace a failed one).
    workflowIdReusePolicy: 'REJECT_DUPLICATE' | 'ALLOW_DUPLICATE_FAILED_ONLY' = 'REJECT_DUPLICATE',
  ): Promise<string[]> {
    const startedNow: string[] = [];
    const client = await this.temporal.client();
    const settings = resolveRunSettings(stored);
    const repository = this.dataSource.getRepository(AssignmentEntity);
    // Rows whose workflow runs, marked in the read model a chunk at a time while later starts continue (one
    // UPDATE per chunk, overlapping the starts, never one per row); a crash re-starts at most the unmarked ones,
    // which then meet their running workflow (deterministic id) and count as started.
    let unmarked: string[] = [];
    const marks: Promise<void>[] = [];
    let markFailure: unknown = null;
    const mark = () => {
      if (unmarked.length === 0) return;
      const ids = unmarked;
      unmarked = [];
      // Caught here (a rejection nobody awaits yet would crash the process), rethrown below.
      marks.push(repository.update({ id: In(ids) }, { workflowStarted: true }).then(() => undefined, (error: unknown) => void (markFailure ??= error)));
    };
    let next = 0;
    const worker = async () => {
      while (next < rows.length) {
        const row = rows[next++]!;
        const state = row.state as unknown as AssignmentState;
        const input: AssignmentWorkflowInput = {
          identity: { assignmentId: row.id, planId: row.planId, unitName: row.unitName, taskNumber: row.taskNumber, taskTitle: row.taskTitle },
          state,
          settings,
          recurring: row.recurring as unknown as RecurringObligation[],
          cursor: {
            eventSeq: row.version,
            remindersThrough: row.startDate,
            lightKey: lightKey({ color: row.light as never, label: '', marker: null, reasons: row.lightReasons as never }),
            runs: 0,
          },
        };
        try {
          await client.workflow.start('assignmentWorkflow', { taskQueue: this.config.temporalTaskQueue, workflowId: row.workflowId, args: [input], workflowIdReusePolicy });
          startedNow.push(row.id);
        } catch (error) {
          if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        }
        unmarked.push(row.id);
        if (unmarked.length >= MARK_CHUNK) {
          mark();
          heartbeat();
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, rows.length) }, worker));
      mark();
    } finally {
      // Every chunk's UPDATE settles before the call returns, or before a failed start is rethrown.
      await Promise.all(marks);
    }
    if (markFailure) throw markFailure;
    heartbeat();
    this.logger.debug(`started ${rows.length} assignment workflows`);
    return startedNow;
  }
}

