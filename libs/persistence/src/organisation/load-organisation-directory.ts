import type { EntityManager } from 'typeorm';
import type { OrganisationDirectory } from '@duban/domain';

/** The whole directory as the pure rules read it (a few hundred rows per city: read per use case, not cached). */
export async function loadOrganisationDirectory(manager: EntityManager): Promise<OrganisationDirectory> {
  const [jurisdictions, units, aliases] = await Promise.all([
    manager.query('SELECT id, code, name, level, parent_id AS "parentId" FROM jurisdictions ORDER BY code NULLS LAST, name'),
    manager.query(
      `SELECT id, jurisdiction_id AS "jurisdictionId", kind, name, short_name AS "shortName", parent_id AS "parentId", region,
              valid_from::text AS "validFrom", valid_to::text AS "validTo", successor_id AS "successorId"
         FROM units ORDER BY jurisdiction_id, name`,
    ),
    manager.query('SELECT unit_id AS "unitId", alias, jurisdiction_id AS "jurisdictionId" FROM unit_aliases ORDER BY created_at, alias'),
  ]);
  return { jurisdictions, units, aliases } as OrganisationDirectory;
}
