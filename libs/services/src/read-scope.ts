import { readableUnitsOf, ROLE_MAILBOXES, type Actor } from '@duban/domain';

/**
 * Which units' records an actor may read: a unit's staff their own units only;
 * supervisors, coordinators, administrators (and the system) every unit (`undefined`).
 * The same rule as the domain's command authorization, applied to reads.
 */
export function readableUnits(actor: Actor): readonly string[] | undefined {
  return readableUnitsOf(actor);
}

/**
 * A user's units are directory ids; a record holds its unit's id and display name. A scope entry that is still a
 * name (a user created before the directory) matches the name, so nothing is lost while users move to ids.
 */
export function canReadUnit(actor: Actor, holder: { readonly unitId: string | null; readonly unitName: string }): boolean {
  const units = readableUnits(actor);
  return units === undefined || (holder.unitId !== null && units.includes(holder.unitId)) || units.includes(holder.unitName);
}

/**
 * The key an assignment's holder is checked by for `actor`: its directory id when the actor's scope holds that id,
 * else the printed name (a legacy scope by name).
 */
export function holderKeyFor(actor: Actor, holder: { readonly unitId: string | null; readonly unitName: string }): string {
  return holder.unitId !== null && actor.unitIds.includes(holder.unitId) ? holder.unitId : holder.unitName;
}

/**
 * The actor as the assignment's workflow sees it. Workflows key their unit by the display name they were
 * started with (live ones included), so a unit's staff admitted here by the directory id also carry that name:
 * no workflow code changes, and workflows started before the directory keep working.
 */
export function actorForHolder(actor: Actor, holder: { readonly unitId: string | null; readonly unitName: string }): Actor {
  if (actor.role !== 'unit_staff' || holder.unitId === null || !actor.unitIds.includes(holder.unitId) || actor.unitIds.includes(holder.unitName)) return actor;
  return { ...actor, unitIds: [...actor.unitIds, holder.unitName] };
}

const ROLE_MAILBOX: Partial<Record<Actor['role'], string>> = {
  supervisor: ROLE_MAILBOXES.supervisors,
  coordinator: ROLE_MAILBOXES.coordinator,
  admin: ROLE_MAILBOXES.admin,
};

/** The inbox recipients an actor reads: their units' inboxes plus their role's mailbox. */
export function mailboxesOf(actor: Actor): string[] {
  const roleMailbox = ROLE_MAILBOX[actor.role];
  return [...actor.unitIds, ...(roleMailbox ? [roleMailbox] : [])];
}
