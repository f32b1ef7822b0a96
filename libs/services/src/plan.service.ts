import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import { decodePlanBytes, parsePlanText, PlanParseError, type Plan } from '@duban/plan-parser';
import { TemporalClientProvider } from '@duban/temporal';
import { authorizePlanAction, type Actor, type AssignmentDraft, type RolloutWarning } from '@duban/domain';
import { planRolloutPreview } from '@duban/rollout';
import {
  importPlanWorkflowId,
  planRolloutWorkflowId,
  resolveRunSettings,
  type ImportPlanResult,
  type PlanRolloutResult,
  type PlanRunSettings,
} from '@duban/workflows';
import { ServiceError } from './service-errors';

export interface PlanSummary {
  readonly id: string;
  readonly title: string;
  readonly documentName: string;
  readonly docNumber: string | null;
  readonly issuer: string | null;
  readonly period: { from: number; to: number } | null;
  readonly status: string;
  readonly taskCount: number;
  readonly warningCount: number;
  readonly createdAt: string;
}

export interface ImportedPlan extends ImportPlanResult {
  readonly plan: PlanSummary;
}

export interface PublishOptions {
  /** A coordinator has reviewed the units proposed for tasks without a responsibility clause. */
  readonly confirmProposals?: boolean;
  /** Escalation ladder, reminders, lights; validated, then stored with the plan. */
  readonly settings?: PlanRunSettings;
  /** Wait until every assignment workflow is started (the CLI does; the API returns at once). */
  readonly wait?: boolean;
  readonly batchSize?: number;
}

export interface RolloutPreview {
  readonly assignments: number;
  readonly proposed: readonly Pick<AssignmentDraft, 'taskNumber' | 'unitName' | 'responsibility' | 'source'>[];
  readonly withoutDueDate: readonly number[];
  readonly warnings: readonly RolloutWarning[];
}

/** Plan use cases: import a document as a draft, list and read plans. */
@Injectable()
export class PlanService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

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

  /** What publishing would create: assignments, proposals to confirm, tasks without a due date. */
  async preview(planId: string, defaultDueDate?: string): Promise<RolloutPreview> {
    const plan = await this.find(planId);
    const rollout = planRolloutPreview(plan, this.config.seedsDir, defaultDueDate);
    return {
      assignments: rollout.drafts.filter((draft) => draft.dueDate !== null).length,
      proposed: rollout.drafts.filter((draft) => draft.proposed).map(({ taskNumber, unitName, responsibility, source }) => ({ taskNumber, unitName, responsibility, source })),
      withoutDueDate: [...new Set(rollout.drafts.filter((draft) => draft.dueDate === null).map((draft) => draft.taskNumber ?? 0))],
      warnings: rollout.warnings,
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
    const defaultDueDate = options.settings?.defaultDueDate ?? (plan.settings as PlanRunSettings).defaultDueDate;
    const preview = await this.preview(planId, defaultDueDate);
    if (preview.withoutDueDate.length > 0) {
      throw new ServiceError('unprocessable', `tasks ${preview.withoutDueDate.join(', ')} have no due date and the plan no period; set one in the draft or publish with a default due date`, { tasks: preview.withoutDueDate });
    }
    if (preview.proposed.length > 0 && !options.confirmProposals && plan.proposalsConfirmedAt === null) {
      throw new ServiceError('conflict', `${preview.proposed.length} units were inferred from the text (no responsibility clause); a coordinator must confirm them before publishing`, {
        proposed: preview.proposed,
      });
    }
    if (preview.assignments === 0) throw new ServiceError('unprocessable', `plan ${planId} yields no assignments`);
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
        { settings: settings as unknown as JsonObject, ...(options.confirmProposals && preview.proposed.length ? { proposalsConfirmedAt: new Date() } : {}) },
      );
    }
    const client = await this.temporal.client();
    const workflowId = planRolloutWorkflowId(planId);
    const handle = await client.workflow.start('planRolloutWorkflow', {
      taskQueue: this.config.temporalTaskQueue,
      workflowId,
      args: [{ planId, batchSize: options.batchSize ?? 200 }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    if (!options.wait) return { workflowId, preview };
    return { workflowId, preview, result: (await handle.result()) as PlanRolloutResult };
  }

  async list(): Promise<PlanSummary[]> {
    const rows = await this.dataSource.getRepository(PlanEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map(toSummary);
  }

  async get(planId: string): Promise<PlanSummary> {
    return toSummary(await this.find(planId));
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
    if (!plan) throw new ServiceError('not_found', `plan ${planId} does not exist`);
    return plan;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
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
    taskCount: plan.taskCount,
    warningCount: plan.warnings.length,
    createdAt: plan.createdAt.toISOString(),
  };
}
