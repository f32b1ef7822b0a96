import { Inject, Injectable } from '@nestjs/common';
import { LoginLockoutEntity } from '@duban/persistence';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ACCOUNTS_CONFIG } from './accounts-config.module';
import type { AccountsConfig } from './accounts-config';
import { accountSlowdownMs, afterFailedAttempt, NO_FAILURES, remainingLockMs, type LockoutPolicy, type LockoutState } from './login-lockout';

/** The client_ip of the account-wide count. */
const ALL_CLIENTS = '*';

/**
 * Failed sign-ins per (username, client address) and per username, kept in
 * PostgreSQL so every API instance sees the same counts (see login-lockout.ts).
 */
@Injectable()
export class LoginLockoutService {
  private readonly policy: LockoutPolicy;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ACCOUNTS_CONFIG) config: AccountsConfig,
  ) {
    this.policy = { maxAttempts: config.loginMaxAttempts, lockoutMs: config.loginLockoutMs };
  }

  /** Milliseconds this address must wait before signing in to this username again (0 when it may). */
  async remainingLockMs(username: string, clientIp: string, now = new Date()): Promise<number> {
    const state = await this.dataSource.getRepository(LoginLockoutEntity).findOneBy({ username, clientIp: client(clientIp) });
    return state ? remainingLockMs(state, now) : 0;
  }

  /** Milliseconds every sign-in to this username is held back (many recent failures from anywhere). */
  async accountSlowdownMs(username: string, now = new Date()): Promise<number> {
    const state = await this.dataSource.getRepository(LoginLockoutEntity).findOneBy({ username, clientIp: ALL_CLIENTS });
    return state ? accountSlowdownMs(state, now, this.policy) : 0;
  }

  /** Counts one failure from this address (and for the account); returns this address's wait (0 when not locked yet). */
  async recordFailure(username: string, clientIp: string, now = new Date()): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const address = await this.count(manager, username, client(clientIp), (state) => afterFailedAttempt(state, now, this.policy));
      await this.count(manager, username, ALL_CLIENTS, (state) => afterFailedAttempt(state, now, { ...this.policy, maxAttempts: Number.MAX_SAFE_INTEGER }));
      return remainingLockMs(address, now);
    });
  }

  /** A successful sign-in: this address starts afresh, and so does the account-wide count. */
  async clear(username: string, clientIp: string): Promise<void> {
    await this.dataSource.getRepository(LoginLockoutEntity).delete({ username, clientIp: In([client(clientIp), ALL_CLIENTS]) });
  }

  private async count(manager: EntityManager, username: string, clientIp: string, next: (state: LockoutState) => LockoutState): Promise<LockoutState> {
    // Row lock: concurrent failures are counted one after another.
    await manager.createQueryBuilder().insert().into(LoginLockoutEntity).values({ username, clientIp, failedAttempts: 0 }).orIgnore().execute();
    const current = await manager.getRepository(LoginLockoutEntity).findOne({ where: { username, clientIp }, lock: { mode: 'pessimistic_write' } });
    const updated = next(current ?? NO_FAILURES);
    await manager.update(LoginLockoutEntity, { username, clientIp }, updated);
    return updated;
  }
}

/** An address as stored ('unknown' when the socket had none; never the account-wide '*'). */
function client(clientIp: string): string {
  return clientIp && clientIp !== ALL_CLIENTS ? clientIp : 'unknown';
}
