/**
 * Collective units (各区人民政府, 各县（市、区）政府, 县市区人民政府…) stand for every district's body and are
 * expanded into one assignment per district when a directory lists the districts.
 */

/** A district in a directory: a bare name (used as region and unit) or a region with its unit's full name. */
export type DistrictEntry = string | { readonly region: string; readonly unit: string };

/**
 * Either a map collective name → its districts, or one district list that serves every collective unit.
 */
export type DistrictDirectory = Readonly<Record<string, readonly DistrictEntry[]>> | readonly DistrictEntry[];

export interface District {
  readonly region: string;
  readonly unit: string;
}

export function toDistrict(entry: DistrictEntry): District {
  return typeof entry === 'string' ? { region: entry, unit: entry } : { region: entry.region, unit: entry.unit };
}

// "各…" is always collective; so are plural place names used as a body ("县市区人民政府", "旗县区政府").
const COLLECTIVE_PATTERNS: readonly RegExp[] = [
  /^各/,
  /^(县市区|旗县区|县区|区县|市县|市辖区|县（市、区）|县\(市、区\)|县（市）|区（县）|县（区）)/,
];

export function looksCollective(unitName: string): boolean {
  return COLLECTIVE_PATTERNS.some((pattern) => pattern.test(unitName));
}

/** Whether `unitName` is collective: listed in the directory map, or recognised by name. */
export function isCollectiveUnit(unitName: string, directory?: DistrictDirectory): boolean {
  if (directory !== undefined && !Array.isArray(directory)) {
    if (Object.prototype.hasOwnProperty.call(directory, unitName)) return true;
  }
  return looksCollective(unitName);
}

/** The districts a collective unit expands to, or null when the directory does not list them. */
export function districtsOf(unitName: string, directory?: DistrictDirectory): District[] | null {
  if (directory === undefined) return null;
  if (Array.isArray(directory)) {
    const list = directory as readonly DistrictEntry[];
    return looksCollective(unitName) && list.length > 0 ? list.map(toDistrict) : null;
  }
  const map = directory as Readonly<Record<string, readonly DistrictEntry[]>>;
  const entries = Object.prototype.hasOwnProperty.call(map, unitName) ? map[unitName] : undefined;
  return entries && entries.length > 0 ? entries.map(toDistrict) : null;
}

/** The unit responsible for a region (breakdown tables name regions, e.g. 海安), from any directory entry. */
export function unitForRegion(region: string, directory?: DistrictDirectory): string | null {
  if (directory === undefined) return null;
  const lists: (readonly DistrictEntry[])[] = Array.isArray(directory)
    ? [directory as readonly DistrictEntry[]]
    : Object.values(directory as Readonly<Record<string, readonly DistrictEntry[]>>);
  for (const list of lists) {
    for (const entry of list) {
      const district = toDistrict(entry);
      if (district.region === region) return district.unit;
    }
  }
  return null;
}
