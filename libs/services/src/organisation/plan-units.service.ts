import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { shanghaiDateOf } from '@duban/calendar';
import { mayManageUnits, normaliseUnitName, RESOLUTION_STATUS_LABELS, type Actor, type OrganisationDirectory, type UnitKind } from '@duban/domain';
import { PlanEntity } from '@duban/persistence';
import { detectPlanJurisdiction, planRolloutPreview, type PlanRolloutView } from '@duban/rollout';
import { ServiceError } from '../service-errors';
import { OrganisationService } from './organisation.service';

export interface UnitResolutionItem {
  readonly printedName: string;
  readonly status: 'resolved' | 'suggested' | 'unknown' | 'collective';
  readonly statusLabel: string;
  readonly unitId?: string;
  readonly unitName?: string;
  readonly reason: string;
  readonly expandsTo?: readonly { unitId: string; unitName: string }[];
  readonly suggestions: readonly { unitId: string; unitName: string; score: number; reason: string }[];
  readonly taskNumbers: readonly number[];
}

export type UnitMapping = { readonly printedName: string; readonly unitId: string } | { readonly printedName: string; readonly newUnit: { readonly name: string; readonly shortName?: string; readonly kind: UnitKind } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A plan's units: its jurisdiction (detected at import, confirmed by a coordinator), each printed name's
 * resolution against it, and a coordinator's mappings — which are learned as aliases in the jurisdiction, so the
 * same name resolves on its next import.
 */
@Injectable()
export class PlanUnitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisation: OrganisationService,
  ) {}

  /** The plan's rollout as publishing would run it now, with the directory it was resolved against. */
  async view(planId: string, defaultDueDate?: string): Promise<PlanRolloutView & { plan: PlanEntity; directory: OrganisationDirectory }> {
    const directory = await this.organisation.snapshot();
    const plan = await this.withJurisdiction(await this.find(planId), directory);
    return { ...planRolloutPreview(plan, directory, shanghaiDateOf(Date.now()), defaultDueDate), plan, directory };
  }

  async jurisdictionOf(planId: string): Promise<{ id: string; name: string } | null> {
    const directory = await this.organisation.snapshot();
    const plan = await this.withJurisdiction(await this.find(planId), directory);
    const jurisdiction = directory.jurisdictions.find((candidate) => candidate.id === plan.jurisdictionId);
    return jurisdiction ? { id: jurisdiction.id, name: jurisdiction.name } : null;
  }

  async resolutions(planId: string): Promise<UnitResolutionItem[]> {
    return (await this.view(planId)).resolutions.map((resolution) => ({
      printedName: resolution.printedName,
      status: resolution.status,
      statusLabel: RESOLUTION_STATUS_LABELS[resolution.status],
      ...(resolution.unitId ? { unitId: resolution.unitId } : {}),
      ...(resolution.unitName ? { unitName: resolution.unitName } : {}),
      reason: resolution.reason,
      ...(resolution.expandsTo ? { expandsTo: resolution.expandsTo.map(({ unitId, unitName }) => ({ unitId, unitName })) } : {}),
      suggestions: resolution.suggestions,
      taskNumbers: resolution.taskNumbers,
    }));
  }

  /** A coordinator confirms (or corrects) the plan's jurisdiction while it is a draft. */
  async setJurisdiction(planId: string, actor: Actor, jurisdictionId: string): Promise<{ id: string; name: string }> {
    this.assertMayManage(actor);
    const plan = await this.find(planId);
    if (plan.status !== 'draft') throw new ServiceError('conflict', '方案已发布，不能再更改所属辖区', { reason: 'plan_not_draft', status: plan.status });
    const directory = await this.organisation.snapshot();
    const jurisdiction = directory.jurisdictions.find((candidate) => candidate.id === jurisdictionId);
    if (!jurisdiction) throw new ServiceError('invalid_input', '所属辖区不存在', { reason: 'jurisdiction_not_found', field: 'jurisdictionId' });
    await this.dataSource.getRepository(PlanEntity).update({ id: planId, status: 'draft' }, { jurisdictionId });
    return { id: jurisdiction.id, name: jurisdiction.name };
  }

  /**
   * Maps a printed name to an existing unit or to a new one created in the plan's jurisdiction; the name is
   * learned as an alias there (so this plan and the jurisdiction's next import resolve it). Returns the
   * name's resolution after the mapping.
   */
  async map(planId: string, actor: Actor, mapping: UnitMapping): Promise<UnitResolutionItem> {
    this.assertMayManage(actor);
    const printedName = normaliseUnitName(mapping.printedName ?? '');
    if (printedName === '') throw new ServiceError('invalid_input', 'printedName 不能为空', { reason: 'invalid_input', field: 'printedName' });
    const { plan, resolutions } = await this.view(planId);
    if (plan.status !== 'draft') throw new ServiceError('conflict', '方案已发布，不能再映射单位', { reason: 'plan_not_draft', status: plan.status });
    if (plan.jurisdictionId === null) throw new ServiceError('unprocessable', '请先确认方案所属辖区，再映射单位', { reason: 'jurisdiction_unconfirmed' });
    if (!resolutions.some((resolution) => normaliseUnitName(resolution.printedName) === printedName)) {
      throw new ServiceError('unprocessable', `方案中没有单位名称“${printedName}”`, { reason: 'printed_name_not_in_plan', printedName });
    }
    const jurisdictionId = plan.jurisdictionId;
    await this.dataSource.transaction(async (manager) => {
      let unitId: string;
      if ('newUnit' in mapping && mapping.newUnit) {
        unitId = await this.organisation.insertUnit(manager, { ...mapping.newUnit, jurisdictionId });
      } else if ('unitId' in mapping && typeof mapping.unitId === 'string' && UUID.test(mapping.unitId)) {
        unitId = mapping.unitId;
      } else {
        throw new ServiceError('invalid_input', '请给出 unitId 或 newUnit', { reason: 'invalid_input', field: 'unitId' });
      }
      // Taken on purpose: a coordinator may map a name to a body outside the jurisdiction (江苏省人民政府).
      await this.organisation.addAlias(actor, unitId, printedName, jurisdictionId, manager);
    });
    const after = (await this.resolutions(planId)).find((resolution) => normaliseUnitName(resolution.printedName) === printedName);
    return after!;
  }

  /** A draft without a jurisdiction gets the one its own words name (stored, so the coordinator sees and confirms it). */
  private async withJurisdiction(plan: PlanEntity, directory: OrganisationDirectory): Promise<PlanEntity> {
    if (plan.jurisdictionId !== null || plan.status !== 'draft') return plan;
    const detected = detectPlanJurisdiction(plan, directory);
    if (!detected) return plan;
    await this.dataSource.query('UPDATE plans SET jurisdiction_id = $2 WHERE id = $1 AND jurisdiction_id IS NULL', [plan.id, detected.jurisdictionId]);
    plan.jurisdictionId = detected.jurisdictionId;
    return plan;
  }

  private async find(planId: string): Promise<PlanEntity> {
    const plan = UUID.test(planId) ? await this.dataSource.getRepository(PlanEntity).findOne({ where: { id: planId } }) : null;
    if (!plan) throw new ServiceError('not_found', `方案 ${planId} 不存在`, { reason: 'not_found' });
    return plan;
  }

  private assertMayManage(actor: Actor): void {
    if (!mayManageUnits(actor)) throw new ServiceError('forbidden', '只有牵头协调人员或管理员可以确认辖区和映射单位', { reason: 'forbidden' });
  }
}
