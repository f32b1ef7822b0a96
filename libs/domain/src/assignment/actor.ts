/** Who acts. unit_staff act for the units in `unitIds`; other roles act across units. */
export const ROLES = ['unit_staff', 'supervisor', 'coordinator', 'admin', 'system'] as const;

export type Role = (typeof ROLES)[number];

export type HumanRole = Exclude<Role, 'system'>;

/** The roles a person signs in with (`system` is the timers' own actor). */
export const HUMAN_ROLES: readonly HumanRole[] = ROLES.filter((role): role is HumanRole => role !== 'system');

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  unit_staff: '责任单位经办人',
  supervisor: '督查人员',
  coordinator: '牵头协调人员',
  admin: '管理员',
  system: '系统',
};

export interface Actor {
  readonly role: Role;
  readonly unitIds: readonly string[];
  /** User id (or 'timer' for system), recorded on events. */
  readonly id?: string;
}

/** The part of an actor recorded on events. */
export interface EventActor {
  readonly role: Role;
  readonly id: string | null;
  readonly unitIds: readonly string[];
}

export function toEventActor(actor: Actor): EventActor {
  return { role: actor.role, id: actor.id ?? null, unitIds: [...actor.unitIds] };
}
