import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import { DUBAN_CONFIG, DubanConfig } from '@duban/config';
import { PlanEntity, type JsonObject } from '@duban/persistence';
import { decodePlanBytes, parsePlanText, PlanParseError, type Plan } from '@duban/plan-parser';
import { TemporalClientProvider } from '@duban/temporal';
import { importPlanWorkflowId, type ImportPlanResult } from '@duban/workflows';
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
