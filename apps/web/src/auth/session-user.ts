import type { Actor, Role } from '@duban/domain';

/** The signed-in user as /auth/login and /auth/me answer it. */
export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly roleLabel?: string;
  readonly unitIds: readonly string[];
  /** Display names of the units (issue 8 adds them; unit ids are names until then). */
  readonly unitNames?: readonly string[];
}

/** The domain's Actor for the signed-in user: what the console asks the domain's rules about. */
export function actorOf(user: SessionUser): Actor {
  return { role: user.role, unitIds: user.unitIds, id: user.id };
}
