import { Injectable } from '@nestjs/common';
import type { UserEntity } from '@duban/persistence';

/**
 * How long a user read for one request serves the next ones. Disabling a user,
 * a role change or a password change made through this process drops the entry
 * at once; another API instance sees it within this bound.
 */
export const PRINCIPAL_CACHE_MS = 5_000;
/** Entries kept at most (one per recently active user); the oldest go first. */
const MAX_ENTRIES = 10_000;

/**
 * The users behind recent requests, so that authenticating a request costs no
 * database round trip (the token names the user; the cached row says whether the
 * token is still honoured and with which role and units).
 */
@Injectable()
export class PrincipalCache {
  private readonly entries = new Map<string, { readonly user: UserEntity; readonly until: number }>();

  /** The cached user, or the one `load` reads (then cached). */
  async get(id: string, load: (id: string) => Promise<UserEntity | null>, now = Date.now()): Promise<UserEntity | null> {
    const hit = this.entries.get(id);
    if (hit && hit.until > now) return hit.user;
    const user = await load(id);
    this.entries.delete(id);
    if (user) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(id, { user, until: now + PRINCIPAL_CACHE_MS });
    }
    return user;
  }

  /** Forget a user whose account changed (the next request reads it again). */
  invalidate(id: string): void {
    this.entries.delete(id);
  }
}
