import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ImportPlanInput, ImportPlanResult, PlanImportActivityApi } from '@duban/workflows';
import { PlanEntity, type JsonObject, type JsonValue } from '@duban/persistence';
import { writeOutboxMessages } from '@duban/notifications';
import { NotificationQueueProducer } from '@duban/queues';

/** Recipient of plan-level notices: the administrators who import and publish plans. */
export const ADMIN_MAILBOX = 'role:admin';

@Injectable()
export class PlanImportActivities implements PlanImportActivityApi {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationQueueProducer,
  ) {}

  async storeImportedPlan(input: ImportPlanInput): Promise<ImportPlanResult & { outboxMessageIds: string[] }> {
    const { plan } = input;
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(PlanEntity)
        .values({
          sourceHash: input.sourceHash,
          documentName: input.documentName,
          title: plan.title ?? input.documentName,
          docNumber: plan.docNumber ?? null,
          issuer: plan.issuer ?? null,
          periodFrom: plan.period?.from ?? null,
          periodTo: plan.period?.to ?? null,
          status: 'draft',
          taskCount: plan.tasks.length,
          parsed: plan as unknown as JsonObject,
          warnings: (plan.warnings ?? []) as unknown as JsonValue[],
        })
        .orIgnore()
        .returning(['id'])
        .execute();
      const created = inserted.raw.length > 0;
      const stored = await manager.getRepository(PlanEntity).findOneOrFail({ where: { sourceHash: input.sourceHash }, select: { id: true, title: true, taskCount: true } });
      const outboxMessageIds = await writeOutboxMessages(manager, [
        {
          idempotencyKey: `plan.imported:${input.sourceHash}:${ADMIN_MAILBOX}`,
          kind: 'plan.imported',
          recipient: ADMIN_MAILBOX,
          title: `计划已导入：${stored.title}`,
          body: `《${stored.title}》已导入为草稿，共 ${stored.taskCount} 项任务，请核对责任单位和时限后发布。`,
          payload: { planId: stored.id },
        },
      ]);
      return { planId: stored.id, created, outboxMessageIds };
    });
  }

  async enqueueOutboxMessages(outboxMessageIds: string[]): Promise<void> {
    await this.notifications.enqueueOutboxMessages(outboxMessageIds);
  }
}
