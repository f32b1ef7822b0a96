import { Inject, Injectable } from '@nestjs/common';
import { UserEntity } from '@duban/persistence';
import { DataSource } from 'typeorm';
import { AccessTokensService } from './access-tokens.service';
import { AccountError } from './account-error';
import { ACCOUNTS_CONFIG } from './accounts-config.module';
import type { AccountsConfig } from './accounts-config';
import { LoginLockoutService } from './login-lockout.service';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher';
import { PrincipalCache } from './principal-cache';
import { RefreshTokensService } from './refresh-tokens.service';
import { normalizeUsername, passwordRuleViolation } from './user-rules';
import { toUserView, type UserView } from './user-view';
import { UsersService } from './users.service';

/** What sign-in, refresh and password change answer. */
export interface TokenPair {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  /** Seconds. */
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly refreshExpiresAt: string;
  readonly user: UserView;
}

/** Sign-in, token refresh, sign-out and password change. */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly accessTokens: AccessTokensService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly lockout: LoginLockoutService,
    private readonly principals: PrincipalCache,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /**
   * Checks the password. Wrong passwords and unknown usernames answer alike and
   * both count towards the lock-out of this username from this client address.
   */
  async login(usernameAsTyped: string, password: string, clientIp = 'unknown'): Promise<TokenPair> {
    const username = normalizeUsername(usernameAsTyped);
    await this.refuseIfLocked(username, clientIp);
    // Many failures from anywhere slow this account's sign-ins down a little; they never lock it.
    const slowdown = await this.lockout.accountSlowdownMs(username);
    if (slowdown > 0) await new Promise((resolve) => setTimeout(resolve, slowdown));
    const user = await this.users.findByUsername(username);
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
    if (!user || !ok) {
      await this.lockout.recordFailure(username, clientIp);
      throw new AccountError('invalid_credentials', '用户名或密码错误');
    }
    await this.lockout.clear(username, clientIp);
    if (user.disabled) throw new AccountError('account_disabled', '账号已停用，请联系管理员');
    return this.tokensFor(user);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const { userId, next } = await this.refreshTokens.rotate(refreshToken);
    const user = await this.users.findById(userId);
    if (!user || user.disabled) throw new AccountError('invalid_token', '登录凭证无效或已过期，请重新登录');
    const access = await this.accessTokens.sign(user);
    return { tokenType: 'Bearer', ...access, refreshToken: next.token, refreshExpiresAt: next.expiresAt.toISOString(), user: toUserView(user) };
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  /**
   * Requires the current password (wrong ones count towards the lock-out, so a
   * stolen access token cannot be used to guess it). Ends every session, older
   * access tokens included, and answers a fresh token pair for this client.
   */
  async changePassword(userId: string, currentPassword: string, newPassword: string, clientIp = 'unknown'): Promise<TokenPair> {
    const user = await this.users.findById(userId);
    if (!user || user.disabled) throw new AccountError('invalid_token', '登录已失效，请重新登录');
    await this.refuseIfLocked(user.username, clientIp);
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.lockout.recordFailure(user.username, clientIp);
      throw new AccountError('wrong_password', '原密码错误');
    }
    const problem = passwordRuleViolation(newPassword, user.username);
    if (problem) throw new AccountError('invalid_input', problem, { field: 'newPassword' });
    if (newPassword === currentPassword) throw new AccountError('invalid_input', '新密码不能与原密码相同', { field: 'newPassword' });

    user.passwordHash = await hashPassword(newPassword);
    user.passwordChangedAt = new Date();
    user.tokenVersion += 1;
    await this.dataSource.transaction(async (manager) => {
      await manager.save(user);
      await this.refreshTokens.revokeAllForUser(manager, user.id);
    });
    this.principals.invalidate(user.id);
    return this.tokensFor(user);
  }

  private async refuseIfLocked(username: string, clientIp: string): Promise<void> {
    const remaining = await this.lockout.remainingLockMs(username, clientIp);
    if (remaining > 0) {
      const retryAfterSeconds = Math.ceil(remaining / 1000);
      throw new AccountError('account_locked', `该地址登录失败次数过多，请 ${retryAfterSeconds} 秒后再试`, { retryAfterSeconds, maxAttempts: this.config.loginMaxAttempts });
    }
  }

  private async tokensFor(user: UserEntity): Promise<TokenPair> {
    const access = await this.accessTokens.sign(user);
    const refresh = await this.refreshTokens.issue(this.dataSource.manager, user.id);
    return { tokenType: 'Bearer', ...access, refreshToken: refresh.token, refreshExpiresAt: refresh.expiresAt.toISOString(), user: toUserView(user) };
  }
}
