import { unitsApi } from '../api/resources/units.api';
import { useResource } from './use-resource';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A directory id (a scope entry that is not a printed name). */
export const isDirectoryId = (unit: string): boolean => UUID.test(unit);

/**
 * The display names of a user's units: a scope holds directory ids (names for legacy scopes), and nobody should
 * read an id. Each id is looked up in the directory (its full name says which city); a legacy name is shown as is.
 */
export function useUnitNames(unitIds: readonly string[]): readonly string[] {
  const names = useResource(
    () => Promise.all(unitIds.map((unitId) => (UUID.test(unitId) ? unitsApi.get(unitId).then((unit) => unit.name, () => '未知单位') : Promise.resolve(unitId)))),
    `unit-names-${unitIds.join(',')}`,
  );
  return names.data ?? unitIds.map(() => '…');
}
