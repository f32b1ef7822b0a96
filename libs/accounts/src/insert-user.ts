import type { Role } from '@duban/domain';
import { UserEntity } from '@duban/persistence';
import type { EntityManager } from 'typeorm';
import { AccountError } from './account-error';
import { hashPassword } from './password-hasher';
import { normalizeUsername, passwordRuleViolation, unitsRuleViolation, USERNAME_PATTERN, USERNAME_RULE } from './user-rules';

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly unitIds: readonly string[];
  readonly password: string;
}

/**
 * Inserts a user with a freshly hashed password; returns null when the username
 * is taken (ON CONFLICT DO NOTHING, so concurrent seeds and creations are safe).
 */
export async function insertUser(manager: EntityManager, input: NewUser, options: { demoSeed?: boolean } = {}): Promise<UserEntity | null> {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) throw new AccountError('invalid_input', USERNAME_RULE, { field: 'username' });
  const unitsProblem = unitsRuleViolation(input.role, input.unitIds);
  if (unitsProblem) throw new AccountError('invalid_input', unitsProblem, { field: 'unitIds' });
  // The local demo seed's passwords are published in the README: the policy would refuse them, and need not guard them.
  const passwordProblem = options.demoSeed ? null : passwordRuleViolation(input.password, username);
  if (passwordProblem) throw new AccountError('invalid_input', passwordProblem, { field: 'password' });

  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(UserEntity)
    .values({
      username,
      displayName: input.displayName.trim(),
      role: input.role,
      unitIds: [...new Set(input.unitIds.map((unit) => unit.trim()))],
      passwordHash: await hashPassword(input.password),
    })
    .orIgnore()
    .returning(['id'])
    .execute();
  const id = (result.raw as Array<{ id: string }>)[0]?.id;
  return id ? manager.findOneByOrFail(UserEntity, { id }) : null;
}
