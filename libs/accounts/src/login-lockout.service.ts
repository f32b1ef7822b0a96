import { Inject, Injectable } from '@nestjs/common';
import { LoginLockoutEntity } from '@duban/persistence';
import { DataSource } from 'typeorm';
import { ACCOUNTS_CONFIG } from './accounts-config.module';
import type { AccountsConfig } from './accounts-config';
import { afterFailedAttempt, NO_FAILURES, remainingLockMs, type LockoutPolicy } from './login-lockout';

/** Failed sign-ins per username, kept in PostgreSQL so every API instance sees the same count. */
@Injectable()
export class LoginLockoutService {
  private readonly policy: LockoutPolicy;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ACCOUNTS_CONFIG) config: AccountsConfig,
  ) {
    this.policy = { maxAttempts: config.loginMaxAttempts, lockoutMs: config.loginLockoutMs };
  }

  /** Milliseconds the username stays locked (0 when it may sign in). */
  async remainingLockMs(username: string, now = new Date()): Promise<number> {
    const state = await this.dataSource.getRepository(LoginLockoutEntity).findOneBy({ username });
    return state ? remainingLockMs(state, now) : 0;
  }

  /** Counts one failure; returns the remaining lock (0 when not locked yet). */
  async recordFailure(username: string, now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // Row lock: concurrent failures of one username are counted one after another.
      await manager.createQueryBuilder().insert().into(LoginLockoutEntity).values({ username, failedAttempts: 0 }).orIgnore().execute();
      const current = await manager.getRepository(LoginLockoutEntity).findOne({ where: { username }, lock: { mode: 'pessimistic_write' } });
      const next = afterFailedAttempt(current ?? NO_FAILURES, now, this.policy);
      await manager.update(LoginLockoutEntity, { username }, next);
      return remainingLockMs(next, now);
    });
  }

  async clear(username: string): Promise<void> {
    await this.dataSource.getRepository(LoginLockoutEntity).delete({ username });
  }
}
