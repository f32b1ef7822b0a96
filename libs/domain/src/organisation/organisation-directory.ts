/**
 * The organisation directory as the pure rules see it: a snapshot of jurisdictions and units (the
 * database rows, or seed data in tests). Ids are stable uuids; names are for people.
 */
export type JurisdictionLevel = 'province' | 'city' | 'district' | 'county';

export type UnitKind = 'department' | 'district_government' | 'collective' | 'management_committee' | 'party_body' | 'other';

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = {
  department: '部门',
  district_government: '区县政府',
  collective: '集合单位',
  management_committee: '管委会',
  party_body: '党委部门',
  other: '其他',
};

export interface DirectoryJurisdiction {
  readonly id: string;
  /** 行政区划代码, null for a functional zone or where unknown. */
  readonly code: string | null;
  readonly name: string;
  readonly level: JurisdictionLevel;
  readonly parentId: string | null;
}

export interface DirectoryUnit {
  readonly id: string;
  readonly jurisdictionId: string;
  readonly kind: UnitKind;
  /** Canonical full name (南京市卫生健康委员会). */
  readonly name: string;
  /** Canonical short display name (市卫健委), null where none. */
  readonly shortName: string | null;
  readonly parentId: string | null;
  /** ISO dates; null = open. A body renamed or merged keeps its row with validTo and successorId. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly successorId: string | null;
  /** The region a district government or management committee answers for (breakdown tables name it: 海安). */
  readonly region: string | null;
}

export interface DirectoryAlias {
  readonly unitId: string;
  readonly alias: string;
  /** Where the alias resolves: the plan jurisdiction it was learned in (may differ from the unit's own). */
  readonly jurisdictionId: string;
}

export interface OrganisationDirectory {
  readonly jurisdictions: readonly DirectoryJurisdiction[];
  readonly units: readonly DirectoryUnit[];
  readonly aliases: readonly DirectoryAlias[];
}

/** The display name of a unit: the short name, else the full name. */
export function unitDisplayName(unit: Pick<DirectoryUnit, 'name' | 'shortName'>): string {
  return unit.shortName ?? unit.name;
}

/** The jurisdiction and its children (districts and counties of a city), nearest first. */
export function jurisdictionFamily(directory: OrganisationDirectory, jurisdictionId: string): DirectoryJurisdiction[] {
  const self = directory.jurisdictions.find((jurisdiction) => jurisdiction.id === jurisdictionId);
  if (!self) return [];
  return [self, ...directory.jurisdictions.filter((jurisdiction) => jurisdiction.parentId === jurisdictionId)];
}
