import { roleLabelOf, type Actor, type Role } from '@duban/domain';
import type { UserEntity } from '@duban/persistence';

/** What the API shows of a user: never the password hash or token version. */
export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The role's Chinese name. */
  readonly roleLabel: string;
  readonly unitIds: string[];
  readonly disabled: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleLabel: roleLabelOf(user.role),
    unitIds: [...user.unitIds],
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

/** The domain Actor a signed-in user acts as. */
export function toActor(user: UserEntity): Actor {
  return { role: user.role, unitIds: [...user.unitIds], id: user.id };
}
