import type { EntityManager } from 'typeorm';
import { detectJurisdiction, normaliseUnitName, resolveUnitName } from '@duban/domain';
import { loadOrganisationDirectory } from './load-organisation-directory';
import { SEED_CITIES, SEED_PLAN_JURISDICTIONS } from './organisation-seed.data';
import { jurisdictionKey, organisationId } from './organisation-id';

export interface LegacyLinkResult {
  readonly plansPlaced: number;
  readonly assignmentsLinked: number;
  /** Legacy names no directory entry matched: each became a unit of kind other, flagged for review. */
  readonly flaggedUnits: number;
  /** Rows of plans whose jurisdiction could not be told (kept name-keyed, nothing lost). */
  readonly assignmentsUnplaced: number;
}

/**
 * Moves rows written before the organisation directory onto unit ids, losing none: a plan gets the jurisdiction
 * its title/issuer/body names; each assignment's unit name is resolved in it (exact, alias, prefix rules); a name
 * nothing matches becomes a unit of kind other in the plan's jurisdiction, flagged for a coordinator. Only rows
 * without an id are touched, so it runs after every migration. The unit names stay (display, and the key the
 * assignment workflows started with).
 */
export async function linkLegacyUnits(manager: EntityManager, asOf: string = new Date().toISOString().slice(0, 10)): Promise<LegacyLinkResult> {
  let directory = await loadOrganisationDirectory(manager);
  let plansPlaced = 0;
  const plans = (await manager.query(
    `SELECT p.id, p.title, p.issuer, p.document_name, p.parsed FROM plans p
      WHERE p.jurisdiction_id IS NULL AND EXISTS (SELECT 1 FROM assignments a WHERE a.plan_id = p.id AND a.unit_id IS NULL)`,
  )) as { id: string; title: string; issuer: string | null; document_name: string; parsed: { tasks?: { title?: string; text?: unknown }[] } }[];
  for (const plan of plans) {
    const text = (plan.parsed.tasks ?? []).map((task) => `${task.title ?? ''}\n${typeof task.text === 'string' ? task.text : ''}`).join('\n');
    const detected = detectJurisdiction({ title: plan.title, issuer: plan.issuer, text }, directory.jurisdictions);
    const seedCity = SEED_CITIES.find((city) => city.name === SEED_PLAN_JURISDICTIONS[plan.document_name]);
    const jurisdictionId = detected?.jurisdictionId ?? (seedCity ? organisationId(jurisdictionKey(seedCity.province, seedCity.name)) : null);
    if (jurisdictionId === null) continue;
    await manager.query('UPDATE plans SET jurisdiction_id = $2 WHERE id = $1 AND jurisdiction_id IS NULL', [plan.id, jurisdictionId]);
    plansPlaced += 1;
  }

  const groups = (await manager.query(
    `SELECT a.plan_id, a.unit_name, p.jurisdiction_id, count(*)::int AS n FROM assignments a JOIN plans p ON p.id = a.plan_id
      WHERE a.unit_id IS NULL GROUP BY a.plan_id, a.unit_name, p.jurisdiction_id ORDER BY a.plan_id, a.unit_name`,
  )) as { plan_id: string; unit_name: string; jurisdiction_id: string | null; n: number }[];
  let assignmentsLinked = 0;
  let flaggedUnits = 0;
  let assignmentsUnplaced = 0;
  for (const group of groups) {
    if (group.jurisdiction_id === null) {
      assignmentsUnplaced += group.n;
      continue;
    }
    const resolution = resolveUnitName(group.unit_name, { directory, jurisdictionId: group.jurisdiction_id, asOf });
    let unitId = resolution.status === 'resolved' ? (resolution.unitId ?? null) : null;
    if (unitId === null) {
      const name = normaliseUnitName(group.unit_name) || group.unit_name;
      const [existing] = (await manager.query('SELECT id FROM units WHERE jurisdiction_id = $1 AND name = $2 AND flagged', [group.jurisdiction_id, name])) as { id: string }[];
      if (existing) unitId = existing.id;
      else {
        const [created] = (await manager.query("INSERT INTO units (id, jurisdiction_id, kind, name, flagged) VALUES (gen_random_uuid(), $1, 'other', $2, true) RETURNING id", [
          group.jurisdiction_id,
          name,
        ])) as { id: string }[];
        unitId = created!.id;
        flaggedUnits += 1;
        directory = await loadOrganisationDirectory(manager);
      }
    }
    const updated = (await manager.query('UPDATE assignments SET unit_id = $3 WHERE plan_id = $1 AND unit_name = $2 AND unit_id IS NULL RETURNING id', [group.plan_id, group.unit_name, unitId])) as unknown[];
    assignmentsLinked += Array.isArray(updated[0]) ? (updated[0] as unknown[]).length : updated.length;
  }
  return { plansPlaced, assignmentsLinked, flaggedUnits, assignmentsUnplaced };
}
