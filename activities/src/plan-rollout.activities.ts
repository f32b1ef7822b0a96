import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { heartbeat } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { writeOutboxMessages } from '@duban/notifications';
import { shanghaiDateOf } from '@duban/calendar';
import { AssignmentEntity, AssignmentMilestoneEntity, bulkInsertIgnoringConflicts, loadOrganisationDirectory, PlanEntity } from '@duban/persistence';
import { NotificationQueueProducer } from '@duban/queues';
import { planRolloutPreview, type UnitDraft } from '@duban/rollout';
import type { PlanRolloutActivityApi, PlanRunSettings } from '@duban/workflows';
import { AssignmentStarter } from './assignment-starter';
import { deterministicUuid } from './deterministic-uuid';

/** Rows per INSERT (one jsonb parameter each, ~1.5 MB for assignments): a heartbeat between chunks. */
const INSERT_CHUNK = 1000;

@Injectable()
export class PlanRolloutActivities implements PlanRolloutActivityApi {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly starter: AssignmentStarter,
    private readonly notifications: NotificationQueueProducer,
  ) {}

  async createPlanAssignments(input: { planId: string }): Promise<{ assignments: number }> {
    const plan = await this.dataSource.getRepository(PlanEntity).findOneByOrFail({ id: input.planId });
    const drafts = rolloutDrafts(plan, await loadOrganisationDirectory(this.dataSource.manager), shanghaiDateOf(Date.now()));
    const now = Date.now();
    const rows = drafts.map((draft) =>
      this.starter.buildRow(
        {
          key: draft.key,
          planId: plan.id,
          kind: draft.kind,
          taskNumber: draft.taskNumber,
          taskTitle: draft.taskTitle ?? draft.breakdownTable,
          unitName: draft.unitName,
          unitId: draft.unitId,
          responsibility: draft.responsibility,
          region: draft.region,
          expandedFrom: draft.expandedFrom,
          proposed: draft.proposed,
          dueDate: draft.dueDate!,
          targets: draft.targets,
          recurring: draft.recurring,
          milestones: draft.milestones,
        },
        plan.settings as PlanRunSettings,
        now,
      ),
    );
    const milestones = drafts.flatMap((draft) =>
      draft.milestones.map((milestone, position) => ({
        assignmentId: deterministicUuid(draft.key),
        position,
        due: milestone.due,
        text: milestone.text,
        source: milestone.source,
      })),
    );
    // One notice per directory unit (two printed names of one body make one notice), addressed by its id; a
    // unit the directory has not placed (legacy) by its name.
    const unitsWithCounts = new Map<string, { name: string; count: number }>();
    for (const draft of drafts) {
      const recipient = draft.unitId ?? draft.unitName;
      const seen = unitsWithCounts.get(recipient);
      unitsWithCounts.set(recipient, { name: seen?.name ?? draft.unitName, count: (seen?.count ?? 0) + 1 });
    }

    const outboxIds = await this.dataSource.transaction(async (manager) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await bulkInsertIgnoringConflicts(manager, AssignmentEntity, rows.slice(i, i + INSERT_CHUNK));
        heartbeat();
      }
      for (let i = 0; i < milestones.length; i += INSERT_CHUNK) {
        await bulkInsertIgnoringConflicts(manager, AssignmentMilestoneEntity, milestones.slice(i, i + INSERT_CHUNK));
      }
      await manager.update(PlanEntity, { id: plan.id }, { status: 'publishing', assignmentCount: rows.length });
      // One "new tasks" notice per unit rather than one per assignment.
      return writeOutboxMessages(
        manager,
        [...unitsWithCounts].map(([unit, { name, count }]) => ({
          idempotencyKey: `plan.published:${plan.id}:${unit}`,
          kind: 'plan.published',
          recipient: unit,
          recipientName: name,
          title: `新下达任务：${plan.title}`,
          body: `《${plan.title}》已发布，您单位承担 ${count} 项任务，请及时签收。`,
          digest: true,
          payload: { planId: plan.id, assignments: count },
        })),
      );
    });
    await this.notifications.enqueueOutboxMessages(outboxIds);
    return { assignments: rows.length };
  }

  async startAssignmentWorkflows(input: { planId: string; limit: number }): Promise<{ started: number }> {
    const started = await this.starter.startPending(input.planId, input.limit, () => heartbeat());
    return { started };
  }

  async completePlanRollout(input: { planId: string }): Promise<void> {
    await this.dataSource.getRepository(PlanEntity).update({ id: input.planId }, { status: 'published', publishedAt: () => 'COALESCE(published_at, now())' });
  }
}

/**
 * The plan's assignment drafts, resolved against the organisation directory; the publish gate refuses a plan
 * with a draft lacking a due date or a unit, so none reach here (a legacy plan resumed keeps only placeable ones).
 */
export function rolloutDrafts(plan: PlanEntity, directory: Parameters<typeof planRolloutPreview>[1], asOf: string): UnitDraft[] {
  return planRolloutPreview(plan, directory, asOf).rollout.drafts.filter((draft) => draft.dueDate !== null);
}
