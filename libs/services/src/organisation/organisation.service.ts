import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  mayManageUnits,
  normaliseUnitName,
  UNIT_KIND_LABELS,
  unitDisplayName,
  type Actor,
  type OrganisationDirectory,
  type UnitKind,
} from '@duban/domain';
import { loadOrganisationDirectory, UnitAliasEntity, UnitEntity } from '@duban/persistence';
import { ServiceError } from '../service-errors';

export const UNIT_KINDS = Object.keys(UNIT_KIND_LABELS) as UnitKind[];

export interface JurisdictionItem {
  readonly id: string;
  readonly code: string | null;
  readonly name: string;
  readonly level: 'province' | 'city' | 'district' | 'county';
  readonly parentId: string | null;
}

export interface UnitItem {
  readonly id: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly kind: UnitKind;
  readonly kindLabel: string;
  readonly jurisdictionId: string;
  readonly jurisdictionName: string;
  readonly aliases: string[];
  readonly parentId: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly successorId: string | null;
  /** Created from a legacy name no directory entry matched: to be reviewed. */
  readonly flagged: boolean;
  /** Assignments the unit holds. */
  readonly assignments: number;
}

export interface UnitFilter {
  readonly jurisdictionId?: string;
  readonly text?: string;
  readonly kind?: UnitKind;
}

export interface NewUnit {
  readonly name: string;
  readonly shortName?: string | null;
  readonly kind: UnitKind;
  readonly jurisdictionId: string;
  readonly parentId?: string | null;
  readonly validFrom?: string | null;
  readonly validTo?: string | null;
  readonly successorId?: string | null;
  readonly aliases?: readonly string[];
}

export type UnitChanges = Partial<Omit<NewUnit, 'aliases' | 'jurisdictionId'>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The organisation directory's use cases: jurisdictions, units and aliases (list, read, create, edit). */
@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  snapshot(manager: EntityManager = this.dataSource.manager): Promise<OrganisationDirectory> {
    return loadOrganisationDirectory(manager);
  }

  async jurisdictions(filter: { level?: string; parentId?: string } = {}): Promise<JurisdictionItem[]> {
    const { jurisdictions } = await this.snapshot();
    return jurisdictions
      .filter((jurisdiction) => (filter.level === undefined || jurisdiction.level === filter.level) && (filter.parentId === undefined || jurisdiction.parentId === filter.parentId))
      .map(({ id, code, name, level, parentId }) => ({ id, code, name, level, parentId }));
  }

  /**
   * Units, filtered: `jurisdictionId` takes the jurisdiction and its districts; `text` matches the name, short
   * name or any alias (so 市卫生健康委 finds 市卫健委 — within the jurisdiction when one is given).
   */
  async units(filter: UnitFilter = {}): Promise<UnitItem[]> {
    const directory = await this.snapshot();
    const jurisdictionNames = new Map(directory.jurisdictions.map((jurisdiction) => [jurisdiction.id, jurisdiction.name]));
    const scope = filter.jurisdictionId
      ? new Set([filter.jurisdictionId, ...directory.jurisdictions.filter((jurisdiction) => jurisdiction.parentId === filter.jurisdictionId).map((jurisdiction) => jurisdiction.id)])
      : null;
    const flagged = new Set(((await this.dataSource.query('SELECT id FROM units WHERE flagged')) as { id: string }[]).map((row) => row.id));
    const held = new Map(
      ((await this.dataSource.query('SELECT unit_id, count(*)::int AS n FROM assignments WHERE unit_id IS NOT NULL GROUP BY unit_id')) as { unit_id: string; n: number }[]).map((row) => [row.unit_id, row.n]),
    );
    const needle = filter.text?.trim() ? normaliseUnitName(filter.text) : null;
    return directory.units
      .filter((unit) => scope === null || scope.has(unit.jurisdictionId))
      .filter((unit) => filter.kind === undefined || unit.kind === filter.kind)
      .map((unit) => {
        const aliases = directory.aliases.filter((alias) => alias.unitId === unit.id && (scope === null || scope.has(alias.jurisdictionId))).map((alias) => alias.alias);
        return { unit, aliases };
      })
      .filter(({ unit, aliases }) => needle === null || [unit.name, unit.shortName ?? '', ...aliases].some((name) => name.includes(needle)))
      .map(({ unit, aliases }) => ({
        id: unit.id,
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        kindLabel: UNIT_KIND_LABELS[unit.kind],
        jurisdictionId: unit.jurisdictionId,
        jurisdictionName: jurisdictionNames.get(unit.jurisdictionId) ?? '',
        aliases: [...new Set(aliases)],
        parentId: unit.parentId,
        validFrom: unit.validFrom,
        validTo: unit.validTo,
        successorId: unit.successorId,
        flagged: flagged.has(unit.id),
        assignments: held.get(unit.id) ?? 0,
      }))
      .sort((a, b) => a.jurisdictionName.localeCompare(b.jurisdictionName, 'zh') || a.name.localeCompare(b.name, 'zh'));
  }

  async unit(unitId: string): Promise<UnitItem> {
    if (!UUID.test(unitId)) throw new ServiceError('not_found', `单位 ${unitId} 不存在`, { reason: 'not_found' });
    const found = (await this.units()).find((unit) => unit.id === unitId);
    if (!found) throw new ServiceError('not_found', `单位 ${unitId} 不存在`, { reason: 'not_found' });
    return found;
  }

  async createUnit(actor: Actor, input: NewUnit): Promise<UnitItem> {
    this.assertMayManage(actor);
    return this.unit(await this.insertUnit(this.dataSource.manager, input));
  }

  /** Inserts a unit (validated; a name already used in the jurisdiction is a conflict); returns its id. */
  async insertUnit(manager: EntityManager, input: NewUnit): Promise<string> {
    const name = normaliseUnitName(input.name ?? '');
    if (name === '') throw new ServiceError('invalid_input', '单位名称不能为空', { reason: 'invalid_unit', field: 'name' });
    if (!UNIT_KINDS.includes(input.kind)) throw new ServiceError('invalid_input', `单位类型须为 ${UNIT_KINDS.join('、')} 之一`, { reason: 'invalid_unit', field: 'kind' });
    const directory = await this.snapshot(manager);
    if (!directory.jurisdictions.some((jurisdiction) => jurisdiction.id === input.jurisdictionId)) {
      throw new ServiceError('invalid_input', '所属辖区不存在', { reason: 'jurisdiction_not_found', field: 'jurisdictionId' });
    }
    this.validateDates(input);
    const family = new Set([input.jurisdictionId, ...directory.jurisdictions.filter((jurisdiction) => jurisdiction.parentId === input.jurisdictionId).map((jurisdiction) => jurisdiction.id)]);
    const clash = directory.units.find((unit) => family.has(unit.jurisdictionId) && (unit.name === name || unitDisplayName(unit) === name));
    if (clash) throw new ServiceError('conflict', `本辖区已有单位“${unitDisplayName(clash)}”`, { reason: 'unit_exists', unitId: clash.id });
    const [{ id }] = (await manager.query('SELECT gen_random_uuid() AS id')) as { id: string }[];
    await manager.getRepository(UnitEntity).insert({
      id,
      jurisdictionId: input.jurisdictionId,
      kind: input.kind,
      name,
      shortName: input.shortName ? normaliseUnitName(input.shortName) : null,
      parentId: input.parentId ?? null,
      region: null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      successorId: input.successorId ?? null,
      flagged: false,
    });
    for (const alias of input.aliases ?? []) await this.insertAlias(manager, id, alias, input.jurisdictionId, 'manual');
    return id;
  }

  async updateUnit(actor: Actor, unitId: string, changes: UnitChanges): Promise<UnitItem> {
    this.assertMayManage(actor);
    const current = await this.unit(unitId);
    this.validateDates({ validFrom: changes.validFrom ?? current.validFrom, validTo: changes.validTo ?? current.validTo });
    if (changes.kind !== undefined && !UNIT_KINDS.includes(changes.kind)) throw new ServiceError('invalid_input', `单位类型须为 ${UNIT_KINDS.join('、')} 之一`, { reason: 'invalid_unit', field: 'kind' });
    if (changes.successorId) await this.unit(changes.successorId);
    if (changes.successorId === unitId) throw new ServiceError('invalid_input', '承继单位不能是本单位', { reason: 'invalid_unit', field: 'successorId' });
    const patch: Partial<UnitEntity> = {};
    if (changes.name !== undefined) patch.name = normaliseUnitName(changes.name);
    if (changes.shortName !== undefined) patch.shortName = changes.shortName ? normaliseUnitName(changes.shortName) : null;
    if (changes.kind !== undefined) patch.kind = changes.kind;
    if (changes.parentId !== undefined) patch.parentId = changes.parentId;
    if (changes.validFrom !== undefined) patch.validFrom = changes.validFrom;
    if (changes.validTo !== undefined) patch.validTo = changes.validTo;
    if (changes.successorId !== undefined) patch.successorId = changes.successorId;
    if (patch.name === '') throw new ServiceError('invalid_input', '单位名称不能为空', { reason: 'invalid_unit', field: 'name' });
    if (Object.keys(patch).length > 0) await this.dataSource.getRepository(UnitEntity).update({ id: unitId }, { ...patch, flagged: false });
    return this.unit(unitId);
  }

  /** Adds an alias in the unit's own jurisdiction (or `jurisdictionId`, where a plan mapped it). Idempotent. */
  async addAlias(actor: Actor, unitId: string, alias: string, jurisdictionId?: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    this.assertMayManage(actor);
    if (jurisdictionId !== undefined && !(await this.snapshot(manager)).jurisdictions.some((jurisdiction) => jurisdiction.id === jurisdictionId)) {
      throw new ServiceError('invalid_input', '所属辖区不存在', { reason: 'jurisdiction_not_found', field: 'jurisdictionId' });
    }
    const unit = (await this.snapshot(manager)).units.find((candidate) => candidate.id === unitId);
    if (!unit) throw new ServiceError('not_found', `单位 ${unitId} 不存在`, { reason: 'not_found' });
    await this.insertAlias(manager, unitId, alias, jurisdictionId ?? unit.jurisdictionId, jurisdictionId ? 'learned' : 'manual');
  }

  async removeAlias(actor: Actor, unitId: string, alias: string): Promise<void> {
    this.assertMayManage(actor);
    await this.unit(unitId);
    const result = await this.dataSource.getRepository(UnitAliasEntity).delete({ unitId, alias: normaliseUnitName(alias) });
    if (!result.affected) throw new ServiceError('not_found', `单位没有别名“${alias}”`, { reason: 'not_found' });
  }

  /**
   * The directory ids of `refs` (ids, or names any unit goes by): what a user's unit scope stores. Every ref
   * must name exactly one unit; otherwise a 400 naming the ones that do not.
   */
  async unitIdsOf(refs: readonly string[]): Promise<string[]> {
    const directory = await this.snapshot();
    const ids: string[] = [];
    const unknown: string[] = [];
    const ambiguous: string[] = [];
    for (const ref of refs.map((value) => value.trim()).filter((value) => value !== '')) {
      if (UUID.test(ref)) {
        if (directory.units.some((unit) => unit.id === ref)) ids.push(ref);
        else unknown.push(ref);
        continue;
      }
      const name = normaliseUnitName(ref);
      const matches = new Set([
        ...directory.units.filter((unit) => unit.name === name || unit.shortName === name).map((unit) => unit.id),
        ...directory.aliases.filter((alias) => alias.alias === name).map((alias) => alias.unitId),
      ]);
      if (matches.size === 1) ids.push([...matches][0]!);
      else if (matches.size === 0) unknown.push(ref);
      else ambiguous.push(ref);
    }
    if (unknown.length > 0) throw new ServiceError('invalid_input', `单位不存在：${unknown.join('、')}（请先在单位目录中建立该单位）`, { reason: 'unit_not_found', field: 'unitIds', units: unknown });
    if (ambiguous.length > 0) throw new ServiceError('invalid_input', `单位名称不唯一：${ambiguous.join('、')}（多个辖区有同名单位，请用单位编号）`, { reason: 'unit_ambiguous', field: 'unitIds', units: ambiguous });
    return [...new Set(ids)];
  }

  private async insertAlias(manager: EntityManager, unitId: string, alias: string, jurisdictionId: string, source: 'manual' | 'learned'): Promise<void> {
    const normal = normaliseUnitName(alias);
    if (normal === '') throw new ServiceError('invalid_input', '别名不能为空', { reason: 'invalid_alias', field: 'alias' });
    const [existing] = (await manager.query('SELECT unit_id FROM unit_aliases WHERE jurisdiction_id = $1 AND alias = $2', [jurisdictionId, normal])) as { unit_id: string }[];
    if (existing && existing.unit_id !== unitId) {
      throw new ServiceError('conflict', `别名“${normal}”在本辖区已属于另一单位`, { reason: 'alias_taken', unitId: existing.unit_id });
    }
    if (!existing) await manager.getRepository(UnitAliasEntity).insert({ unitId, alias: normal, jurisdictionId, source });
  }

  private validateDates(input: { validFrom?: string | null; validTo?: string | null }): void {
    for (const [field, value] of [['validFrom', input.validFrom], ['validTo', input.validTo]] as const) {
      if (value != null && (!DATE.test(value) || Number.isNaN(Date.parse(value)))) throw new ServiceError('invalid_input', `${field} 须为日期（YYYY-MM-DD）`, { reason: 'invalid_unit', field });
    }
    if (input.validFrom && input.validTo && input.validFrom > input.validTo) throw new ServiceError('invalid_input', '有效期起始日不能晚于截止日', { reason: 'invalid_unit', field: 'validTo' });
  }

  private assertMayManage(actor: Actor): void {
    if (!mayManageUnits(actor)) throw new ServiceError('forbidden', '只有牵头协调人员或管理员可以维护单位目录', { reason: 'forbidden' });
  }
}
