import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { shanghaiDateOf, yearOf } from '@duban/calendar';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_STATUS_LABELS,
  SANCTION_KIND_LABELS,
  SANCTION_STATUS_LABELS,
  UNIT_KIND_LABELS,
  labelOf,
  type Actor,
  type ScoreLine,
} from '@duban/domain';
import { AssessmentEntity, AssessmentLineEntity, AssessmentSanctionEntity, assessmentIsFinished, ensureAssessmentRow, PlanEntity } from '@duban/persistence';
import { isUnavailable, withDeadline } from '@duban/resilience';
import { TemporalClientProvider } from '@duban/temporal';
import {
  assessmentWorkflowId,
  confirmAssessmentUpdate,
  decideSanctionUpdate,
  type AssessmentConfirmed,
  type SanctionDecided,
  type SanctionDecision,
} from '@duban/workflows';
import { isUuid } from '../plan.service';
import { ServiceError } from '../service-errors';
import { assertCoordinator, assertReviewReader } from './bulletin.service';

export interface AssessmentListItem {
  readonly id: string;
  readonly planId: string;
  readonly planTitle: string;
  readonly year: number;
  readonly asOf: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly publishRankings: boolean;
  readonly confirmedAt: string | null;
  readonly version: number;
}

export interface AssessmentLineView {
  readonly unitId: string;
  readonly unitName: string;
  readonly unitKind: string;
  readonly unitKindLabel: string;
  readonly group: string;
  readonly groupLabel: string;
  readonly score: number;
  readonly grade: string;
  readonly gradeLabel: string;
  readonly rank: number;
  readonly items: readonly ScoreLine[];
  readonly counts: Record<string, number>;
}

export interface SanctionView {
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly kind: string;
  readonly kindLabel: string;
  readonly rule: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly reason: string | null;
  readonly decidedBy: string | null;
  readonly decidedAt: string | null;
}

export interface AssessmentView extends AssessmentListItem {
  readonly rubric: Record<string, unknown>;
  readonly lines: readonly AssessmentLineView[];
  readonly sanctions: readonly SanctionView[];
}

export function toLineView(line: AssessmentLineEntity): AssessmentLineView {
  return {
    unitId: line.unitId,
    unitName: line.unitName,
    unitKind: line.unitKind,
    unitKindLabel: labelOf(UNIT_KIND_LABELS, line.unitKind),
    group: line.groupCode,
    groupLabel: line.groupLabel,
    score: line.score,
    grade: line.grade,
    gradeLabel: labelOf(ASSESSMENT_GRADE_LABELS, line.grade),
    rank: line.rank,
    items: line.items as unknown as ScoreLine[],
    counts: line.counts as Record<string, number>,
  };
}

function toSanctionView(row: AssessmentSanctionEntity): SanctionView {
  return {
    id: row.id,
    unitId: row.unitId,
    unitName: row.unitName,
    kind: row.kind,
    kindLabel: labelOf(SANCTION_KIND_LABELS, row.kind),
    rule: row.rule,
    status: row.status,
    statusLabel: labelOf(SANCTION_STATUS_LABELS, row.status),
    reason: row.reason,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** 年度考核: run, read, decide sanctions, confirm (use cases shared by the API and the CLI). */
@Injectable()
export class AssessmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /** Starts (or re-runs, replacing the unfinished one) the assessment of a plan for a year. */
  async run(input: { planId: string; year: number }, actor: Actor): Promise<{ id: string; workflowId: string }> {
    assertCoordinator(actor, '开展年度考核');
    const currentYear = yearOf(shanghaiDateOf(Date.now()));
    if (!Number.isInteger(input.year) || input.year < 2000 || input.year > currentYear) {
      throw new ServiceError('invalid_input', `考核年度须为2000至${currentYear}年之间的整数`, { reason: 'invalid_year' });
    }
    const plan = isUuid(input.planId) ? await this.dataSource.getRepository(PlanEntity).findOne({ where: { id: input.planId }, select: { id: true, status: true } }) : null;
    if (!plan) throw new ServiceError('not_found', '计划不存在', { reason: 'not_found' });
    if (plan.status !== 'published') throw new ServiceError('conflict', '计划尚未发布，不能开展考核', { reason: 'plan_not_published' });
    const workflowId = assessmentWorkflowId(plan.id, input.year);
    const asOf = `${input.year}-12-31`;
    const row = await ensureAssessmentRow(this.dataSource.manager, { planId: plan.id, year: input.year, asOf, workflowId });
    if (await assessmentIsFinished(this.dataSource.manager, row.id)) {
      throw new ServiceError('conflict', `${input.year}年度考核已确认或已处理，不能重新生成`, { reason: 'assessment_confirmed' });
    }
    const client = await this.temporal.client();
    const [current] = (await this.dataSource.query('SELECT workflow_id FROM assessments WHERE id = $1', [row.id])) as { workflow_id: string }[];
    if (current && current.workflow_id !== workflowId) {
      // A scheduled run (its own workflow id) waiting on this draft: end it, the new run takes the draft over.
      await client.workflow.getHandle(current.workflow_id).terminate('由协调人重新生成').catch(() => undefined);
    }
    await client.workflow.start('assessmentWorkflow', {
      taskQueue: this.config.temporalTaskQueue,
      workflowId,
      args: [{ planId: plan.id, year: input.year }],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return { id: row.id, workflowId };
  }

  async list(filter: { planId?: string; limit?: number; offset?: number }, actor: Actor): Promise<{ items: AssessmentListItem[]; total: number; limit: number; offset: number }> {
    assertReviewReader(actor);
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const offset = Math.max(filter.offset ?? 0, 0);
    const query = this.dataSource.getRepository(AssessmentEntity).createQueryBuilder('a');
    if (filter.planId !== undefined) query.andWhere('a.plan_id = :planId', { planId: isUuid(filter.planId) ? filter.planId : '00000000-0000-0000-0000-000000000000' });
    const [rows, total] = await query.orderBy('a.year', 'DESC').addOrderBy('a.created_at', 'DESC').addOrderBy('a.id', 'ASC').skip(offset).take(limit).getManyAndCount();
    const titles = await this.planTitles(rows.map((row) => row.planId));
    return { items: rows.map((row) => this.toListItem(row, titles)), total, limit, offset };
  }

  async get(id: string, actor: Actor): Promise<AssessmentView> {
    assertReviewReader(actor);
    const row = await this.find(id);
    const titles = await this.planTitles([row.planId]);
    const lines = await this.dataSource.getRepository(AssessmentLineEntity).find({ where: { assessmentId: row.id }, order: { position: 'ASC' } });
    const sanctions = await this.sanctions(row.id);
    return { ...this.toListItem(row, titles), rubric: row.rubric, lines: lines.map(toLineView), sanctions: sanctions.map(toSanctionView) };
  }

  /** Confirms or waives one proposed sanction (waive needs a reason); a confirmation notifies the unit once. */
  async decideSanction(id: string, sanctionId: string, decision: SanctionDecision, reason: string | undefined, actor: Actor): Promise<SanctionView> {
    assertCoordinator(actor, decision === 'confirm' ? '确认处理' : '免予处理');
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (reason !== undefined && (typeof reason !== 'string' || reason.length > 500)) throw new ServiceError('invalid_input', '理由须为不超过500字的文本', { reason: 'invalid_reason' });
    if (decision === 'waive' && text === '') throw new ServiceError('invalid_input', '免予处理须说明理由', { reason: 'reason_required' });
    const row = await this.find(id);
    const sanction = isUuid(sanctionId) ? await this.dataSource.getRepository(AssessmentSanctionEntity).findOne({ where: { id: sanctionId, assessmentId: row.id } }) : null;
    if (!sanction) throw new ServiceError('not_found', '处理事项不存在', { reason: 'not_found' });
    if (sanction.status !== 'proposed') throw new ServiceError('conflict', '该处理事项已处理，不能重复处理', { reason: 'sanction_decided' });
    if (row.status === 'confirmed') throw new ServiceError('conflict', '考核结果已确认，不能再处理', { reason: 'assessment_confirmed' });
    if (row.status === 'drafting') throw new ServiceError('conflict', '考核正在生成，请稍后再处理', { reason: 'assessment_drafting' });
    await this.update<SanctionDecided>(row, decideSanctionUpdate, { sanctionId: sanction.id, decision, reason: text || null, actorId: actor.id ?? actor.role });
    const decided = await this.dataSource.getRepository(AssessmentSanctionEntity).findOneOrFail({ where: { id: sanction.id } });
    return toSanctionView(decided);
  }

  /** Confirms the assessment (every sanction decided first); from then on it never changes. */
  async confirm(id: string, actor: Actor): Promise<AssessmentView> {
    assertCoordinator(actor, '确认考核结果');
    const row = await this.find(id);
    if (row.status === 'confirmed') throw new ServiceError('conflict', '考核结果已确认，不能重复确认', { reason: 'assessment_confirmed' });
    if (row.status === 'drafting') throw new ServiceError('conflict', '考核正在生成，请稍后再确认', { reason: 'assessment_drafting' });
    // Checked here first so that the common refusal costs no workflow activity (the activity checks again, locked).
    const undecided = (await this.sanctions(row.id)).filter((sanction) => sanction.status === 'proposed').length;
    if (undecided > 0) throw new ServiceError('conflict', `尚有${undecided}项拟处理事项未确认或免予，不能确认考核结果`, { reason: 'sanctions_undecided' });
    await this.update<AssessmentConfirmed>(row, confirmAssessmentUpdate, { actorId: actor.id ?? actor.role });
    return this.get(id, actor);
  }

  async find(id: string): Promise<AssessmentEntity> {
    const row = isUuid(id) ? await this.dataSource.getRepository(AssessmentEntity).findOne({ where: { id } }) : null;
    if (!row) throw new ServiceError('not_found', '考核不存在', { reason: 'not_found' });
    return row;
  }

  async lines(id: string): Promise<AssessmentLineView[]> {
    const rows = await this.dataSource.getRepository(AssessmentLineEntity).find({ where: { assessmentId: id }, order: { position: 'ASC' } });
    return rows.map(toLineView);
  }

  /** By unit name then kind, in code-point order (never the database's collation). */
  private async sanctions(id: string): Promise<AssessmentSanctionEntity[]> {
    const rows = await this.dataSource.getRepository(AssessmentSanctionEntity).find({ where: { assessmentId: id } });
    const order = (row: AssessmentSanctionEntity) => `${row.unitName}\u0000${row.kind}`;
    return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  }

  private async planTitles(planIds: readonly string[]): Promise<Map<string, string>> {
    if (planIds.length === 0) return new Map();
    const plans = await this.dataSource.getRepository(PlanEntity).createQueryBuilder('p').select(['p.id', 'p.title']).where('p.id IN (:...ids)', { ids: [...new Set(planIds)] }).getMany();
    return new Map(plans.map((plan) => [plan.id, plan.title]));
  }

  private toListItem(row: AssessmentEntity, titles: ReadonlyMap<string, string>): AssessmentListItem {
    return {
      id: row.id,
      planId: row.planId,
      planTitle: titles.get(row.planId) ?? '',
      year: row.year,
      asOf: row.asOf,
      status: row.status,
      statusLabel: labelOf(ASSESSMENT_STATUS_LABELS, row.status),
      publishRankings: row.publishRankings,
      confirmedAt: row.confirmedAt?.toISOString() ?? null,
      version: row.version,
    };
  }

  private async update<R>(row: AssessmentEntity, definition: { readonly name: string }, arg: unknown): Promise<R> {
    const client = await this.temporal.client();
    const handle = client.workflow.getHandle(row.workflowId);
    const timeoutMs = this.config.updateTimeoutMs;
    try {
      return (await withDeadline(
        client.withDeadline(Date.now() + timeoutMs, () => handle.executeUpdate<R, [unknown]>(definition.name, { args: [arg] })),
        timeoutMs + 1000,
        'the assessment workflow',
      )) as R;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        const cause = error.cause instanceof ApplicationFailure ? error.cause : error.cause?.cause instanceof ApplicationFailure ? error.cause.cause : null;
        if (cause) {
          const code = cause.type === 'invalid_input' ? 'invalid_input' : cause.type === 'not_found' ? 'not_found' : 'conflict';
          throw new ServiceError(code, cause.message, { reason: cause.type ?? 'conflict' });
        }
      }
      if (error instanceof WorkflowNotFoundError) throw new ServiceError('conflict', '该考核的流程已结束，请重新生成', { reason: 'assessment_not_running' });
      if (isUnavailable(error)) throw new ServiceError('unavailable', '流程服务繁忙或不可用，请稍后重试', { retryAfterSeconds: 5 });
      throw error;
    }
  }
}
