import type { Actor } from '../assignment/actor';

/** Who maintains the organisation directory and maps a plan's printed names: coordinators and administrators. */
export function mayManageUnits(actor: Actor): boolean {
  return actor.role === 'coordinator' || actor.role === 'admin';
}
