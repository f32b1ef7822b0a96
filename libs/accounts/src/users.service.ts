import { Injectable } from '@nestjs/common';
import type { Actor, Role } from '@duban/domain';
import { UserEntity } from '@duban/persistence';
import { DataSource } from 'typeorm';
import { AccountError } from './account-error';
import { insertUser, type NewUser } from './insert-user';
import { hashPassword } from './password-hasher';
import { RefreshTokensService } from './refresh-tokens.service';
import { PrincipalCache } from './principal-cache';
import { passwordRuleViolation, unitsRuleViolation } from './user-rules';
import { toUserView, type UserView } from './user-view';

export interface UserChanges {
  readonly displayName?: string;
  readonly role?: Role;
  readonly unitIds?: readonly string[];
  readonly disabled?: boolean;
  /** An administrator's password reset. */
  readonly password?: string;
}

/** Administration of users (the admin-only /api/v1/users resource) and the lookups sign-in needs. */
@Injectable()
export class UsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly refreshTokens: RefreshTokensService,
    private readonly principals: PrincipalCache,
  ) {}

  async list(): Promise<UserView[]> {
    const users = await this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
    return users.map(toUserView);
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.require(id));
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username });
  }

  async create(input: NewUser): Promise<UserView> {
    const user = await insertUser(this.dataSource.manager, input);
    if (!user) throw new AccountError('conflict', `用户名“${input.username}”已被使用`, { field: 'username' });
    return toUserView(user);
  }

  /**
   * Changes role, units, display name, the disabled flag or (reset) the password.
   * Disabling or resetting ends the user's sessions. Administrators cannot disable
   * or demote themselves, so a deployment never loses its last admin by accident.
   */
  async update(id: string, changes: UserChanges, by: Actor): Promise<UserView> {
    const user = await this.require(id);
    if (by.id === user.id && (changes.disabled === true || (changes.role !== undefined && changes.role !== user.role))) {
      throw new AccountError('conflict', '管理员不能停用自己的账号或降低自己的角色');
    }
    const role = changes.role ?? user.role;
    const unitIds = changes.unitIds ? [...new Set(changes.unitIds.map((unit) => unit.trim()))] : user.unitIds;
    const unitsProblem = unitsRuleViolation(role, unitIds);
    if (unitsProblem) throw new AccountError('invalid_input', unitsProblem, { field: 'unitIds' });

    let endSessions = changes.disabled === true && !user.disabled;
    if (changes.password !== undefined) {
      const problem = passwordRuleViolation(changes.password, user.username);
      if (problem) throw new AccountError('invalid_input', problem, { field: 'password' });
      user.passwordHash = await hashPassword(changes.password);
      user.passwordChangedAt = new Date();
      user.tokenVersion += 1;
      endSessions = true;
    }
    user.role = role;
    user.unitIds = unitIds;
    if (changes.displayName !== undefined) user.displayName = changes.displayName.trim();
    if (changes.disabled !== undefined) user.disabled = changes.disabled;

    await this.dataSource.transaction(async (manager) => {
      await manager.save(user);
      if (endSessions) await this.refreshTokens.revokeAllForUser(manager, user.id);
    });
    this.principals.invalidate(user.id);
    return toUserView(user);
  }

  private async require(id: string): Promise<UserEntity> {
    const user = /^[0-9a-f-]{36}$/i.test(id) ? await this.findById(id) : null;
    if (!user) throw new AccountError('not_found', `用户 ${id} 不存在`);
    return user;
  }
}
