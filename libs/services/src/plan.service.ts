import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { workflowCounter } from '@duban/metrics';
import { isValidBusinessDate } from '@duban/calendar';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { AssignmentEntity, PlanEntity, type JsonObject, type PlanStatus } from '@duban/persistence';
import { configurePdfDecoding, decodePlanBytes, parsePlanText, PlanParseError, type Plan } from '@duban/plan-parser';
import { TemporalClientProvider } from '@duban/temporal';
import { authorizePlanAction, COMMAND_ALLOWED_STATUSES, planStatusLabelOf, type Actor, type AssignmentDraft, type PublishProblem, type RolloutWarning } from '@duban/domain';
import {
  importPlanWorkflowId,
  planRolloutWorkflowId,
  resolveRunSettings,
  type ImportPlanResult,
  type PlanRolloutResult,
  type PlanRunSettings,
} from '@duban/workflows';
import { ServiceError } from './service-errors';
import { PlanUnitsService } from './organisation/plan-units.service';
import { ReviewScheduleService } from './review/review-schedule.service';

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly documentName: string;
  readonly docNumber: string | null;
  readonly issuer: string | null;
  readonly period: { from: number; to: number } | null;
  readonly status: string;
  readonly statusLabel: string;
  readonly taskCount: number;
  readonly warningCount: number;
  readonly createdAt: string;
  /** The jurisdiction (city) the plan belongs to; null until detected or confirmed. */
  readonly jurisdiction?: { readonly id: string; readonly name: string } | null;
}

export interface ImportedPlan extends ImportPlanResult {
  readonly plan: PlanSummary;
}

export interface PublishOptions {
  /** A coordinator has reviewed the units proposed for tasks without a responsibility clause. */
  readonly confirmProposals?: boolean;
  /** Escalation ladder, reminders, lights; validated, then stored with the plan. */
  readonly settings?: PlanRunSettings;
  /** Due date of tasks without one: merged into the plan's stored settings (ignored when `settings` is given). */
  readonly defaultDueDate?: string;
  /** A coordinator accepts the plan period's end as the due date of tasks that print none. */
  readonly acceptPlanEndDefault?: boolean;
  /** Wait until every assignment workflow is started (the CLI does; the API returns at once). */
  readonly wait?: boolean;
  /** Workflows started per rollout activity (default ROLLOUT_BATCH_SIZE). */
  readonly batchSize?: number;
}

/**
 * Workflows started per rollout activity: each batch ends with a pause (the last starts drain, the activity
 * reports, the workflow schedules the next), so fewer, larger batches roll out faster; 1,000 starts fit the
 * activity's 5-minute limit even at 10 starts/s, and the rows are marked started 200 at a time within it.
 */
export const ROLLOUT_BATCH_SIZE = 1000;

export interface PlanFilter {
  readonly status?: PlanStatus;
  /** Case-insensitive match on the title, document name or document number. */
  readonly text?: string;
}

export interface PlanTaskSummary {
  readonly number: number;
  readonly label: string | null;
  readonly section: string | null;
  readonly title: string;
  readonly responsibleRaw: string | null;
  readonly lead: readonly string[];
  readonly units: readonly string[];
  readonly supporting: readonly string[];
  readonly deadlines: readonly { due: string; text: string }[];
}

/** A draft edit of one task: the responsible units, the lead units among them, the deadlines. */
export interface TaskEdit {
  readonly units?: readonly string[];
  readonly lead?: readonly string[];
  readonly deadlines?: readonly { due: string; text: string }[];
}

export interface WithdrawnPlan {
  readonly plan: PlanSummary;
  /** Assignments withdrawn now. */
  readonly withdrawn: number;
  /** Assignments already finished (closed, reassigned, withdrawn) and left alone. */
  readonly alreadyFinished: number;
  /** Assignments that could not be withdrawn (retrying the withdrawal retries them). */
  readonly failed: readonly { id: string; reason: string }[];
}

/** Statuses in which an assignment can still be withdrawn: the domain's rule for 撤销. */
const WITHDRAWABLE: readonly string[] = COMMAND_ALLOWED_STATUSES.withdraw;

export interface RolloutPreview {
  readonly assignments: number;
  readonly proposed: readonly Pick<AssignmentDraft, 'taskNumber' | 'unitName' | 'responsibility' | 'source' | 'proposalReason'>[];
  readonly withoutDueDate: readonly number[];
  readonly warnings: readonly RolloutWarning[];
  /** What stops publishing, every problem in Chinese (the publish gate's answer; empty = publishable). */
  readonly problems: readonly PublishProblem[];
}

/** Plan use cases: import a document as a draft, list and read plans. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly planUnits: PlanUnitsService,
    private readonly reviewSchedules: ReviewScheduleService,
  ) {
    configurePdfDecoding({ timeoutMs: config.pdfTimeoutMs });
  }

  /**
   * Parses the document here (a bad one is refused at once with the parser's
   * reason), then runs the import workflow, which stores the draft and notifies
   * administrators. Importing the same bytes again returns the existing plan.
   */
  async importDocument(bytes: Uint8Array, documentName: string): Promise<ImportedPlan> {
    const sourceHash = createHash('sha256').update(bytes).digest('hex');
    let plan: Plan;
    try {
      plan = parsePlanText(await decodePlanBytes(bytes, documentName), { document: documentName });
    } catch (error) {
      if (error instanceof PlanParseError) throw new ServiceError('invalid_document', error.message, { reason: error.code });
      throw error;
    }
    const client = await this.temporal.client();
    const result = await client.workflow.execute('importPlanWorkflow', {
      taskQueue: this.config.temporalTaskQueue,
      workflowId: importPlanWorkflowId(sourceHash),
      args: [{ sourceHash, documentName, plan }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    const typed = result as ImportPlanResult;
    return { ...typed, plan: await this.get(typed.planId) };
  }

  /** What publishing would create: assignments, proposals to confirm, tasks without a due date, and what blocks it. */
  async preview(planId: string, defaultDueDate?: string, overrides: { confirmProposals?: boolean; acceptPlanEndDefault?: boolean } = {}): Promise<RolloutPreview> {
    const { rollout, problems } = await this.planUnits.view(planId, defaultDueDate);
    const drafts = rollout.drafts;
    return {
      assignments: drafts.filter((draft) => draft.dueDate !== null).length,
      proposed: drafts.filter((draft) => draft.proposed).map(({ taskNumber, unitName, responsibility, source, proposalReason }) => ({ taskNumber, unitName, responsibility, source, proposalReason })),
      withoutDueDate: [...new Set(drafts.filter((draft) => draft.dueDate === null).map((draft) => draft.taskNumber ?? 0))],
      warnings: rollout.warnings,
      problems: problems.filter(
        (problem) => !(overrides.confirmProposals && problem.code === 'proposals_unconfirmed') && !(overrides.acceptPlanEndDefault && problem.code === 'due_date_defaulted'),
      ),
    };
  }

  /**
   * Publishes a draft: one assignment per task × unit (× region), each run by its
   * own workflow, started by the plan's rollout workflow (idempotent: publishing
   * twice, or resuming after a crash, creates nothing twice).
   */
  async publish(planId: string, actor: Actor, options: PublishOptions = {}): Promise<{ workflowId: string; preview: RolloutPreview; result?: PlanRolloutResult }> {
    const allowed = authorizePlanAction(actor, 'publishPlan');
    if (!allowed.ok) throw new ServiceError('forbidden', allowed.reason);
    const plan = await this.find(planId);
    if (plan.status === 'withdrawn') throw new ServiceError('conflict', `plan ${planId} was withdrawn`);
    if (options.settings === undefined && options.defaultDueDate !== undefined) {
      if (!isValidBusinessDate(options.defaultDueDate)) throw new ServiceError('unprocessable', `defaultDueDate ${options.defaultDueDate} is not a calendar date`);
      if (plan.status === 'draft') options = { ...options, settings: { ...(plan.settings as PlanRunSettings), defaultDueDate: options.defaultDueDate } };
    }
    const defaultDueDate = options.settings?.defaultDueDate ?? (plan.settings as PlanRunSettings).defaultDueDate;
    const preview = await this.preview(planId, defaultDueDate, { confirmProposals: options.confirmProposals === true, acceptPlanEndDefault: options.acceptPlanEndDefault === true });
    // A published plan resumes its rollout (idempotent); only a draft passes the gate.
    if (plan.status === 'draft' && preview.problems.length > 0) {
      throw new ServiceError('unprocessable', `方案不能发布，共${preview.problems.length}个问题：${preview.problems.map((problem) => problem.message).join('；')}`, {
        reason: 'publish_blocked',
        problems: preview.problems,
      });
    }
    if (plan.status === 'draft' && preview.assignments === 0) throw new ServiceError('unprocessable', '方案没有可下达的任务', { reason: 'publish_blocked', problems: [] });
    let settings: PlanRunSettings = plan.settings as PlanRunSettings;
    if (options.settings !== undefined) {
      try {
        resolveRunSettings(options.settings);
      } catch (error) {
        throw new ServiceError('invalid_input', (error as Error).message);
      }
      settings = options.settings;
    }
    if (plan.status === 'draft') {
      await this.dataSource.getRepository(PlanEntity).update(
        { id: planId, status: 'draft' },
        {
          settings: settings as unknown as JsonObject,
          ...(options.confirmProposals && preview.proposed.length ? { proposalsConfirmedAt: new Date() } : {}),
          ...(options.acceptPlanEndDefault ? { planEndDefaultAcceptedAt: new Date() } : {}),
        },
      );
    }
    const client = await this.temporal.client();
    const workflowId = planRolloutWorkflowId(planId);
    if (plan.status === 'draft') workflowCounter.inc({ workflow: 'plan', event: 'published' });
    const handle = await client.workflow.start('planRolloutWorkflow', {
      taskQueue: this.config.temporalTaskQueue,
      workflowId,
      args: [{ planId, batchSize: options.batchSize ?? ROLLOUT_BATCH_SIZE }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    // The plan's review cycle (半年通报) on Temporal Schedules; created or updated, so publishing again is harmless.
    await this.reviewSchedules.ensure(planId);
    if (!options.wait) return { workflowId, preview };
    return { workflowId, preview, result: (await handle.result()) as PlanRolloutResult };
  }

  async list(): Promise<PlanSummary[]> {
    const rows = await this.dataSource.getRepository(PlanEntity).find({ order: { createdAt: 'ASC' } });
    return Promise.all(rows.map((row) => this.summaryOf(row)));
  }

  /**
   * A plan's summary. A draft's warningCount is what its publish preview lists (the rollout's warnings: tasks
   * without a unit or a date, unreadable cycles…), so the plan list and the draft page show one number; a
   * published plan keeps the parser's count recorded at import.
   */
  private async summaryOf(plan: PlanEntity): Promise<PlanSummary> {
    const summary = toSummary(plan);
    if (plan.status !== 'draft') return summary;
    return { ...summary, warningCount: (await this.planUnits.view(plan.id)).rollout.warnings.length };
  }

  /** Plans, filtered and paginated, oldest first. */
  async listPage(filter: PlanFilter = {}, page: { limit?: number; offset?: number } = {}): Promise<{ items: PlanSummary[]; total: number; limit: number; offset: number }> {
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 500);
    const offset = Math.max(page.offset ?? 0, 0);
    const query = this.dataSource.getRepository(PlanEntity).createQueryBuilder('p');
    if (filter.status !== undefined) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.text !== undefined && filter.text.trim() !== '') {
      const text = `%${filter.text.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      query.andWhere('(p.title ILIKE :text OR p.document_name ILIKE :text OR p.doc_number ILIKE :text)', { text });
    }
    query.orderBy('p.created_at', 'ASC').addOrderBy('p.id', 'ASC').skip(offset).take(limit);
    const [rows, total] = await query.getManyAndCount();
    return { items: await Promise.all(rows.map((row) => this.summaryOf(row))), total, limit, offset };
  }

  /** The plan's tasks as stored in the draft (or as published). */
  async tasks(planId: string): Promise<PlanTaskSummary[]> {
    return storedTasks(await this.find(planId)).map(toTaskSummary);
  }

  async task(planId: string, taskNumber: number): Promise<PlanTaskSummary & { text: string | null }> {
    const task = storedTasks(await this.find(planId)).find((candidate) => candidate.number === taskNumber);
    if (!task) throw new ServiceError('not_found', `plan ${planId} has no task ${taskNumber}`);
    return { ...toTaskSummary(task), text: typeof task.text === 'string' ? task.text : null };
  }

  /**
   * Edits one task of a draft (units, lead units, deadlines) in the stored Plan
   * JSON, which publishing reads. Only while the plan is a draft (conflict otherwise).
   */
  async editTask(planId: string, taskNumber: number, edit: TaskEdit): Promise<PlanTaskSummary> {
    if (edit.units === undefined && edit.lead === undefined && edit.deadlines === undefined) {
      throw new ServiceError('invalid_input', 'nothing to change: give units, lead or deadlines');
    }
    for (const deadline of edit.deadlines ?? []) {
      if (!isValidBusinessDate(deadline.due)) throw new ServiceError('unprocessable', `deadline ${deadline.due} is not a calendar date (YYYY-MM-DD)`, { field: 'deadlines' });
    }
    return this.dataSource.transaction(async (manager) => {
      const plan = isUuid(planId) ? await manager.getRepository(PlanEntity).findOne({ where: { id: planId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!plan) throw new ServiceError('not_found', `方案 ${planId} 不存在`);
      if (plan.status !== 'draft') throw new ServiceError('conflict', `plan ${planId} is ${plan.status}: only a draft can be edited`, { status: plan.status });
      const tasks = storedTasks(plan);
      const index = tasks.findIndex((candidate) => candidate.number === taskNumber);
      if (index < 0) throw new ServiceError('not_found', `plan ${planId} has no task ${taskNumber}`);
      const task = { ...tasks[index] };
      const units = edit.units !== undefined ? unique(edit.units) : stringList(task.unitsResolved).length === stringList(task.units).length ? stringList(task.unitsResolved) : stringList(task.units);
      const lead = edit.lead !== undefined ? unique(edit.lead) : stringList(task.lead).filter((name) => units.includes(name));
      const strangers = lead.filter((name) => !units.includes(name));
      if (strangers.length > 0) throw new ServiceError('unprocessable', `lead units must be among the task's units: ${strangers.join('、')}`, { field: 'lead', units: strangers });
      if (edit.units !== undefined || edit.lead !== undefined) {
        Object.assign(task, { units, unitsResolved: units, lead, supporting: units.filter((name) => !lead.includes(name)), mentionedUnits: [] });
      }
      if (edit.deadlines !== undefined) task.deadlines = edit.deadlines.map(({ due, text }) => ({ due, text }));
      tasks[index] = task;
      await manager.getRepository(PlanEntity).update({ id: planId, status: 'draft' }, { parsed: { ...plan.parsed, tasks: tasks as unknown as JsonObject[] } });
      return toTaskSummary(task);
    });
  }

  /**
   * Withdraws a plan: marks it withdrawn (publishing it is then refused) and
   * withdraws each of its open assignments through the assignment workflow, as
   * `actor`. Idempotent: a retry withdraws what is still open and nothing twice
   * (each withdrawal's Update id is derived from the plan).
   */
  async withdraw(planId: string, actor: Actor, reason: string, act: (assignmentId: string, requestId: string) => Promise<unknown>): Promise<WithdrawnPlan> {
    const allowed = authorizePlanAction(actor, 'publishPlan');
    if (!allowed.ok) throw new ServiceError('forbidden', allowed.reason);
    if (reason.trim() === '') throw new ServiceError('unprocessable', 'a reason is required to withdraw a plan');
    const plan = await this.find(planId);
    if (plan.status === 'publishing') throw new ServiceError('conflict', `plan ${planId} is being published; withdraw it once publishing has finished`);
    if (plan.status !== 'withdrawn') {
      await this.dataSource.getRepository(PlanEntity).update({ id: planId, status: plan.status }, { status: 'withdrawn' });
      workflowCounter.inc({ workflow: 'plan', event: 'withdrawn' });
    }
    const rows = await this.dataSource.getRepository(AssignmentEntity).find({ where: { planId }, select: { id: true, status: true }, order: { id: 'ASC' } });
    let withdrawn = 0;
    const failed: { id: string; reason: string }[] = [];
    const open = rows.filter((row) => WITHDRAWABLE.includes(row.status));
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(8, open.length) }, async () => {
        while (next < open.length) {
          const row = open[next++]!;
          try {
            await act(row.id, `plan-withdraw-${planId}`);
            withdrawn += 1;
          } catch (error) {
            failed.push({ id: row.id, reason: error instanceof Error ? error.message : String(error) });
          }
        }
      }),
    );
    return { plan: await this.get(planId), withdrawn, alreadyFinished: rows.length - open.length, failed };
  }

  async get(planId: string): Promise<PlanSummary> {
    const summary = await this.summaryOf(await this.find(planId));
    return { ...summary, jurisdiction: await this.planUnits.jurisdictionOf(planId) };
  }

  /** The parsed plan as stored (the draft's tasks, units and deadlines). */
  async document(planId: string): Promise<JsonObject> {
    return (await this.find(planId)).parsed;
  }

  async countPlans(): Promise<number> {
    return this.dataSource.getRepository(PlanEntity).count();
  }

  private async find(planId: string): Promise<PlanEntity> {
    const plan = isUuid(planId) ? await this.dataSource.getRepository(PlanEntity).findOne({ where: { id: planId } }) : null;
    if (!plan) throw new ServiceError('not_found', `方案 ${planId} 不存在`);
    return plan;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

type StoredTask = Record<string, unknown> & { number: number };

function storedTasks(plan: PlanEntity): StoredTask[] {
  const tasks = (plan.parsed as { tasks?: unknown }).tasks;
  return Array.isArray(tasks) ? (tasks as StoredTask[]) : [];
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function unique(names: readonly string[]): string[] {
  return [...new Set(names.map((name) => name.trim()).filter((name) => name.length > 0))];
}

function toTaskSummary(task: StoredTask): PlanTaskSummary {
  const printed = stringList(task.units);
  const resolved = stringList(task.unitsResolved);
  const deadlines = Array.isArray(task.deadlines) ? (task.deadlines as { due: string; text: string }[]) : [];
  return {
    number: task.number,
    label: typeof task.label === 'string' ? task.label : null,
    section: typeof task.section === 'string' ? task.section : null,
    title: typeof task.title === 'string' ? task.title : '',
    responsibleRaw: typeof task.responsibleRaw === 'string' ? task.responsibleRaw : null,
    lead: stringList(task.lead),
    units: resolved.length === printed.length && resolved.length > 0 ? resolved : printed,
    supporting: stringList(task.supporting),
    deadlines: deadlines.map(({ due, text }) => ({ due, text })),
  };
}

function toSummary(plan: PlanEntity): PlanSummary {
  return {
    id: plan.id,
    title: plan.title,
    documentName: plan.documentName,
    docNumber: plan.docNumber,
    issuer: plan.issuer,
    period: plan.periodFrom !== null && plan.periodTo !== null ? { from: plan.periodFrom, to: plan.periodTo } : null,
    status: plan.status,
    statusLabel: planStatusLabelOf(plan.status),
    taskCount: plan.taskCount,
    warningCount: plan.warnings.length,
    createdAt: plan.createdAt.toISOString(),
  };
}
