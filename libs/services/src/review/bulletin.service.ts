import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DataSource } from 'typeorm';
import { isValidBusinessDate } from '@duban/calendar';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { LIGHT_LABELS, PACE_LABELS, type Actor, type BulletinSummary } from '@duban/domain';
import { ensureBulletinRow, PlanEntity, ReviewBulletinEntity } from '@duban/persistence';
import { isUnavailable, withDeadline } from '@duban/resilience';
import { TemporalClientProvider } from '@duban/temporal';
import {
  bulletinWorkflowId,
  editBulletinUpdate,
  publishBulletinUpdate,
  type BulletinDraftEdit,
  type BulletinKind,
  type BulletinPublished,
} from '@duban/workflows';
import { isUuid } from '../plan.service';
import { ServiceError } from '../service-errors';

export const BULLETIN_STATUS_LABELS: Readonly<Record<string, string>> = { drafting: '生成中', draft: '待发布', published: '已发布' };
const KINDS: readonly BulletinKind[] = ['half_year', 'on_demand'];

export interface BulletinListItem {
  readonly id: string;
  readonly planId: string;
  readonly kind: string;
  readonly asOf: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly title: string;
  readonly publishedAt: string | null;
}

export interface BulletinView extends BulletinListItem {
  readonly planTitle: string;
  readonly text: string;
  readonly summary: (BulletinSummary & { byPace: { pace: string; paceLabel: string }[] }) | Record<string, never>;
  readonly laggingItems: BulletinSummary['laggingItems'];
  readonly candidates: BulletinSummary['candidates'];
}

/** Only coordinators (and administrators) run, edit and publish bulletins. */
export function assertCoordinator(actor: Actor, what: string): void {
  if (actor.role !== 'coordinator' && actor.role !== 'admin') throw new ServiceError('forbidden', `只有牵头协调人员可以${what}`, { reason: 'forbidden' });
}

/** Supervisors, coordinators and administrators read reviews. */
export function assertReviewReader(actor: Actor): void {
  if (actor.role === 'unit_staff') throw new ServiceError('forbidden', '责任单位经办人不能查看通报和考核草稿', { reason: 'forbidden' });
}

function toListItem(row: ReviewBulletinEntity): BulletinListItem {
  return {
    id: row.id,
    planId: row.planId,
    kind: row.kind,
    asOf: row.asOf,
    status: row.status,
    statusLabel: BULLETIN_STATUS_LABELS[row.status] ?? row.status,
    title: row.title,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/** 半年通报 and on-demand bulletins: run, read, edit, publish (use cases shared by the API and the CLI). */
@Injectable()
export class BulletinService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: TemporalClientProvider,
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
  ) {}

  /** Starts (or re-runs, replacing the unpublished draft) the bulletin of a plan as of a date. */
  async run(input: { planId: string; asOf: string; kind?: BulletinKind }, actor: Actor): Promise<{ id: string; workflowId: string }> {
    assertCoordinator(actor, '生成通报');
    const kind = input.kind ?? 'on_demand';
    if (!KINDS.includes(kind)) throw new ServiceError('invalid_input', '通报类型只能是半年通报（half_year）或专项通报（on_demand）', { reason: 'invalid_kind' });
    if (!isValidBusinessDate(input.asOf)) throw new ServiceError('invalid_input', `截止日期“${String(input.asOf)}”无效，应为 YYYY-MM-DD`, { reason: 'invalid_date' });
    const plan = isUuid(input.planId) ? await this.dataSource.getRepository(PlanEntity).findOne({ where: { id: input.planId }, select: { id: true, status: true } }) : null;
    if (!plan) throw new ServiceError('not_found', '计划不存在', { reason: 'not_found' });
    if (plan.status !== 'published') throw new ServiceError('conflict', '计划尚未发布，不能生成通报', { reason: 'plan_not_published' });
    const workflowId = bulletinWorkflowId(plan.id, kind, input.asOf);
    const row = await ensureBulletinRow(this.dataSource.manager, { planId: plan.id, kind, asOf: input.asOf, workflowId });
    if (row.status === 'published') throw new ServiceError('conflict', `${input.asOf}的通报已发布，不能重新生成`, { reason: 'bulletin_published' });
    const client = await this.temporal.client();
    const [current] = (await this.dataSource.query('SELECT workflow_id FROM review_bulletins WHERE id = $1', [row.id])) as { workflow_id: string }[];
    if (current && current.workflow_id !== workflowId) {
      // A scheduled run (its own workflow id) waiting on this draft: end it, the new run takes the draft over.
      await client.workflow.getHandle(current.workflow_id).terminate('由协调人重新生成').catch(() => undefined);
    }
    // A run waiting for its draft to be published is replaced: the new run re-freezes the snapshot.
    await client.workflow.start('bulletinWorkflow', {
      taskQueue: this.config.temporalTaskQueue,
      workflowId,
      args: [{ planId: plan.id, kind, asOf: input.asOf }],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    return { id: row.id, workflowId };
  }

  async list(filter: { planId?: string; limit?: number; offset?: number }, actor: Actor): Promise<{ items: BulletinListItem[]; total: number; limit: number; offset: number }> {
    assertReviewReader(actor);
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 500);
    const offset = Math.max(filter.offset ?? 0, 0);
    const query = this.dataSource.getRepository(ReviewBulletinEntity).createQueryBuilder('b');
    if (filter.planId !== undefined) query.andWhere('b.plan_id = :planId', { planId: isUuid(filter.planId) ? filter.planId : '00000000-0000-0000-0000-000000000000' });
    const [rows, total] = await query.orderBy('b.as_of', 'DESC').addOrderBy('b.kind', 'ASC').addOrderBy('b.id', 'ASC').skip(offset).take(limit).getManyAndCount();
    return { items: rows.map(toListItem), total, limit, offset };
  }

  async get(id: string, actor: Actor): Promise<BulletinView> {
    assertReviewReader(actor);
    const row = await this.find(id);
    const plan = await this.dataSource.getRepository(PlanEntity).findOne({ where: { id: row.planId }, select: { id: true, title: true } });
    const summary = row.summary as unknown as Partial<BulletinSummary>;
    const withLabels = summary.byPace
      ? {
          ...(summary as BulletinSummary),
          byPace: summary.byPace.map((entry) => ({ ...entry, pace: entry.key, paceLabel: PACE_LABELS[entry.key] })),
          byLight: summary.byLight!.map((entry) => ({ ...entry, light: entry.key, lightLabel: LIGHT_LABELS[entry.key] })),
          // Summaries frozen before the candidate list was capped listed every candidate.
          candidateTotal: summary.candidateTotal ?? summary.candidates?.length ?? 0,
        }
      : {};
    return {
      ...toListItem(row),
      planTitle: plan?.title ?? '',
      text: row.text,
      summary: withLabels as BulletinView['summary'],
      laggingItems: summary.laggingItems ?? [],
      candidates: summary.candidates ?? [],
    };
  }

  async edit(id: string, edit: BulletinDraftEdit, actor: Actor): Promise<BulletinView> {
    assertCoordinator(actor, '修改通报');
    if (edit.title !== undefined && (typeof edit.title !== 'string' || edit.title.trim() === '' || edit.title.length > 200)) throw new ServiceError('invalid_input', '标题不能为空且不超过200字', { reason: 'invalid_title' });
    if (edit.text !== undefined && (typeof edit.text !== 'string' || edit.text.trim() === '' || edit.text.length > 200_000)) throw new ServiceError('invalid_input', '正文不能为空且不超过20万字', { reason: 'invalid_text' });
    const row = await this.find(id);
    if (row.status === 'published') throw new ServiceError('conflict', '通报已发布，不能再修改', { reason: 'bulletin_published' });
    if (row.status === 'drafting') throw new ServiceError('conflict', '通报正在生成，请稍后再编辑', { reason: 'bulletin_drafting' });
    await this.update<void>(row, editBulletinUpdate, edit);
    return this.get(id, actor);
  }

  async publish(id: string, actor: Actor): Promise<BulletinPublished> {
    assertCoordinator(actor, '发布通报');
    const row = await this.find(id);
    if (row.status === 'published') throw new ServiceError('conflict', '通报已发布，不能重复发布', { reason: 'bulletin_published' });
    if (row.status === 'drafting') throw new ServiceError('conflict', '通报正在生成，请稍后再发布', { reason: 'bulletin_drafting' });
    return this.update<BulletinPublished>(row, publishBulletinUpdate, { actorId: actor.id ?? actor.role });
  }

  async find(id: string): Promise<ReviewBulletinEntity> {
    const row = isUuid(id) ? await this.dataSource.getRepository(ReviewBulletinEntity).findOne({ where: { id } }) : null;
    if (!row) throw new ServiceError('not_found', '通报不存在', { reason: 'not_found' });
    return row;
  }

  private async update<R>(row: ReviewBulletinEntity, definition: { readonly name: string }, arg: unknown): Promise<R> {
    const client = await this.temporal.client();
    const handle = client.workflow.getHandle(row.workflowId);
    const timeoutMs = this.config.updateTimeoutMs;
    try {
      return (await withDeadline(
        client.withDeadline(Date.now() + timeoutMs, () => handle.executeUpdate<R, [unknown]>(definition.name, { args: [arg] })),
        timeoutMs + 1000,
        'the bulletin workflow',
      )) as R;
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const code = error.cause.type === 'invalid_input' ? 'invalid_input' : 'conflict';
        throw new ServiceError(code, error.cause.message, { reason: error.cause.type === 'conflict' ? 'bulletin_not_editable' : (error.cause.type ?? 'conflict') });
      }
      if (error instanceof WorkflowNotFoundError) throw new ServiceError('conflict', '该通报的生成流程已结束，请重新生成', { reason: 'bulletin_not_running' });
      if (isUnavailable(error)) throw new ServiceError('unavailable', '流程服务繁忙或不可用，请稍后重试', { retryAfterSeconds: 5 });
      throw error;
    }
  }
}
