import type { EntityManager } from 'typeorm';
import { normaliseUnitName, placeStem } from '@duban/domain';
import { commonDepartments, SEED_CITIES, SEED_PROVINCES, type SeedUnit } from './organisation-seed.data';
import { jurisdictionKey, organisationId, unitKey } from './organisation-id';

export interface SeedRows {
  readonly jurisdictions: { id: string; code: string | null; name: string; level: string; parentId: string | null; validTo: string | null }[];
  readonly units: {
    id: string;
    jurisdictionId: string;
    kind: string;
    name: string;
    shortName: string | null;
    region: string | null;
    validTo: string | null;
    successorId: string | null;
  }[];
  readonly aliases: { unitId: string; alias: string; jurisdictionId: string }[];
}

/** The seed data as rows with their stable ids (pure: also what unit tests build a directory from). */
export function organisationSeedRows(): SeedRows {
  const rows: SeedRows = { jurisdictions: [], units: [], aliases: [] };
  const alias = (unitId: string, name: string, jurisdictionId: string): void => {
    const normal = normaliseUnitName(name);
    if (!rows.aliases.some((row) => row.jurisdictionId === jurisdictionId && row.alias === normal)) rows.aliases.push({ unitId, alias: normal, jurisdictionId });
  };
  for (const province of SEED_PROVINCES) {
    const id = organisationId(jurisdictionKey(province.name));
    rows.jurisdictions.push({ id, code: province.code, name: province.name, level: 'province', parentId: null, validTo: null });
    const unitId = organisationId(unitKey(province.name, 'government'));
    rows.units.push({ id: unitId, jurisdictionId: id, kind: 'other', name: province.government, shortName: null, region: null, validTo: null, successorId: null });
    province.aliases.forEach((name) => alias(unitId, name, id));
  }
  for (const city of SEED_CITIES) {
    const cityId = organisationId(jurisdictionKey(city.province, city.name));
    rows.jurisdictions.push({ id: cityId, code: city.code, name: city.name, level: 'city', parentId: organisationId(jurisdictionKey(city.province)), validTo: null });
    const governmentId = (districtName: string): string => organisationId(unitKey(city.name, `district:${districtName}`));
    for (const district of city.districts) {
      const id = organisationId(jurisdictionKey(city.province, city.name, district.name));
      rows.jurisdictions.push({ id, code: district.code, name: district.name, level: district.level, parentId: cityId, validTo: district.validTo ?? null });
      const unitId = governmentId(district.name);
      const stem = placeStem(district.name);
      rows.units.push({
        id: unitId,
        jurisdictionId: id,
        kind: 'district_government',
        name: `${district.name}人民政府`,
        shortName: `${district.name}政府`,
        region: district.region ?? (stem.length >= 2 ? stem : district.name),
        validTo: district.validTo ?? null,
        successorId: district.successor ? governmentId(district.successor) : null,
      });
      // The bare district name (赣榆区, 海安) stands for its government in a task's clause.
      [district.name, ...(stem.length >= 2 && !district.validTo ? [stem] : [])].forEach((name) => alias(unitId, name, district.validTo ? id : cityId));
    }
    const overrides = city.departmentOverrides ?? {};
    const units: SeedUnit[] = [
      ...commonDepartments(city.name).flatMap((unit) => (unit.key in overrides ? (overrides[unit.key] ? [overrides[unit.key]!] : []) : [unit])),
      ...city.units,
    ];
    for (const unit of units) {
      const unitId = organisationId(unitKey(city.name, unit.key));
      rows.units.push({
        id: unitId,
        jurisdictionId: cityId,
        kind: unit.kind,
        name: unit.name,
        shortName: unit.shortName,
        region: unit.region ?? null,
        validTo: unit.validTo ?? null,
        successorId: unit.successorKey ? organisationId(unitKey(city.name, unit.successorKey)) : null,
      });
      unit.aliases.forEach((name) => alias(unitId, name, cityId));
    }
  }
  return rows;
}

/**
 * Loads the seed directory: inserts what is missing and leaves every existing row alone (an administrator's
 * edit or a learned alias is never overwritten), so running it after every migration is safe.
 */
export async function seedOrganisationDirectory(manager: EntityManager): Promise<{ jurisdictions: number; units: number; aliases: number }> {
  const rows = organisationSeedRows();
  const count = async (sql: string, values: unknown[]): Promise<number> => ((await manager.query(sql, values)) as unknown[]).length;
  let jurisdictions = 0;
  for (const row of rows.jurisdictions) {
    jurisdictions += await count(
      'INSERT INTO jurisdictions (id, code, name, level, parent_id, valid_to) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id',
      [row.id, row.code, row.name, row.level, row.parentId, row.validTo],
    );
  }
  let units = 0;
  for (const row of rows.units) {
    units += await count(
      'INSERT INTO units (id, jurisdiction_id, kind, name, short_name, region, valid_to, successor_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id',
      [row.id, row.jurisdictionId, row.kind, row.name, row.shortName, row.region, row.validTo, row.successorId],
    );
  }
  let aliases = 0;
  for (const row of rows.aliases) {
    aliases += await count(
      "INSERT INTO unit_aliases (unit_id, alias, jurisdiction_id, source) VALUES ($1, $2, $3, 'seed') ON CONFLICT DO NOTHING RETURNING id",
      [row.unitId, row.alias, row.jurisdictionId],
    );
  }
  return { jurisdictions, units, aliases };
}
