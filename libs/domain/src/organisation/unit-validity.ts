import type { DirectoryUnit } from './organisation-directory';

/** Whether a unit exists on `asOf` (ISO date): validFrom ≤ asOf ≤ validTo, open ends allowed. */
export function isUnitValidOn(unit: Pick<DirectoryUnit, 'validFrom' | 'validTo'>, asOf: string): boolean {
  return (unit.validFrom === null || unit.validFrom <= asOf) && (unit.validTo === null || asOf <= unit.validTo);
}

/**
 * The unit that stands for `unit` on `asOf`: itself while valid, else its successor (renamed or merged in a
 * 机构改革), followed as far as needed. Null when the chain ends in a body that no longer exists.
 */
export function currentUnit<T extends DirectoryUnit>(unit: T, units: readonly T[], asOf: string): T | null {
  const byId = new Map(units.map((candidate) => [candidate.id, candidate]));
  const seen = new Set<string>();
  let current: T | undefined = unit;
  while (current && !seen.has(current.id)) {
    if (isUnitValidOn(current, asOf)) return current;
    if (current.validTo !== null && current.validTo < asOf && current.successorId) {
      seen.add(current.id);
      current = byId.get(current.successorId);
      continue;
    }
    return null;
  }
  return null;
}
