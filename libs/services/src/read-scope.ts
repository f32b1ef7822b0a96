import { readableUnitsOf, ROLE_MAILBOXES, type Actor } from '@duban/domain';

/**
 * Which units' records an actor may read: a unit's staff their own units only;
 * supervisors, coordinators, administrators (and the system) every unit (`undefined`).
 * The same rule as the domain's command authorization, applied to reads.
 */
export function readableUnits(actor: Actor): readonly string[] | undefined {
  return readableUnitsOf(actor);
}

export function canReadUnit(actor: Actor, unitName: string): boolean {
  const units = readableUnits(actor);
  return units === undefined || units.includes(unitName);
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
