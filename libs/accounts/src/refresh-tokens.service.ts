import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RefreshTokenEntity } from '@duban/persistence';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { AccountError } from './account-error';
import { ACCOUNTS_CONFIG } from './accounts-config.module';
import type { AccountsConfig } from './accounts-config';
import { hashRefreshToken, looksLikeRefreshToken, newRefreshTokenSecret } from './refresh-token-secret';

export interface IssuedRefreshToken {
  readonly token: string;
  readonly expiresAt: Date;
}

const INVALID = '登录凭证无效或已过期，请重新登录';

/**
 * How long after a refresh its token may be presented again as a retry (see rotate). A page reloaded,
 * navigated or closed while its refresh was in flight never receives the answer: the server has used the
 * token up, the browser still holds it, and without this the next page's refresh would look like a replayed
 * copy and end every tab's session.
 */
export const REFRESH_RETRY_GRACE_MS = 30_000;

/** Opaque, hashed, single-use refresh tokens grouped in families (one family per sign-in). */
@Injectable()
export class RefreshTokensService {
  private readonly logger = new Logger(RefreshTokensService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  /** A new token for the user; a new family unless continuing one (rotation). */
  async issue(manager: EntityManager, userId: string, familyId: string = randomUUID()): Promise<IssuedRefreshToken> {
    const token = newRefreshTokenSecret();
    const expiresAt = new Date(Date.now() + this.config.refreshTtlSeconds * 1000);
    await manager.insert(RefreshTokenEntity, { userId, familyId, tokenHash: hashRefreshToken(token), expiresAt, usedAt: null, revokedAt: null });
    return { token, expiresAt };
  }

  /**
   * Uses the token up and issues its successor in the same family. A token that
   * was already used or revoked is a replayed copy: the whole family is revoked,
   * so whoever holds the live successor (thief or owner) must sign in again.
   *
   * One exception: a token used up within REFRESH_RETRY_GRACE_MS whose successor nobody has used yet is
   * the same client retrying a refresh whose answer it lost. It gets a new successor and the unused one
   * is revoked. A thief's copy gains nothing lasting from this: when the owner then presents the revoked
   * successor, that is a replay and the whole family ends.
   */
  async rotate(token: string): Promise<{ userId: string; next: IssuedRefreshToken }> {
    if (!looksLikeRefreshToken(token)) throw new AccountError('invalid_token', INVALID);
    const tokenHash = hashRefreshToken(token);
    const rotated = await this.dataSource.transaction(async (manager) => {
      // One conditional UPDATE claims the token, so two concurrent refreshes cannot both succeed.
      const claimed: Array<{ user_id: string; family_id: string }> = await manager.query(
        `UPDATE refresh_tokens SET used_at = now()
          WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING user_id, family_id`,
        [tokenHash],
      );
      const row = firstRow(claimed);
      if (!row) return this.retryOfLostAnswer(manager, tokenHash);
      return { userId: row.user_id, next: await this.issue(manager, row.user_id, row.family_id) };
    });
    if (rotated) return rotated;

    const known = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash });
    if (known && (known.usedAt || known.revokedAt)) {
      const revoked = await this.revokeFamily(known.familyId);
      if (revoked > 0) this.logger.warn(`refresh token reuse for user ${known.userId}: revoked ${revoked} token(s) of family ${known.familyId}`);
    }
    throw new AccountError('invalid_token', INVALID);
  }

  /** A retry within the grace period (see rotate): a fresh successor, the unused one revoked; else null. */
  private async retryOfLostAnswer(manager: EntityManager, tokenHash: string): Promise<{ userId: string; next: IssuedRefreshToken } | null> {
    // Row lock: two retries of one token are served one after the other.
    const [parent] = (await manager.query(
      `SELECT user_id, family_id, used_at::text AS used_at FROM refresh_tokens
        WHERE token_hash = $1 AND used_at IS NOT NULL AND revoked_at IS NULL AND expires_at > now()
          AND used_at > now() - make_interval(secs => $2)
        FOR UPDATE`,
      [tokenHash, REFRESH_RETRY_GRACE_MS / 1000],
    )) as { user_id: string; family_id: string; used_at: string }[]; // text: microseconds intact
    if (!parent) return null;
    // Successors share the parent's transaction time (used_at = created_at = now()); any of them used means a replay.
    const [{ used }] = (await manager.query('SELECT count(*)::int AS used FROM refresh_tokens WHERE family_id = $1 AND created_at >= $2::timestamptz AND used_at IS NOT NULL', [
      parent.family_id,
      parent.used_at,
    ])) as { used: number }[];
    if (used > 0) return null;
    await manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND created_at >= $2::timestamptz AND revoked_at IS NULL', [parent.family_id, parent.used_at]);
    this.logger.log(`refresh retried within ${REFRESH_RETRY_GRACE_MS / 1000} s for user ${parent.user_id}: the unanswered successor is revoked`);
    return { userId: parent.user_id, next: await this.issue(manager, parent.user_id, parent.family_id) };
  }

  /** Sign-out: the token's whole family stops working. Unknown tokens are ignored (sign-out is idempotent). */
  async revokeFamilyOf(token: string): Promise<void> {
    if (!looksLikeRefreshToken(token)) return;
    const known = await this.dataSource.getRepository(RefreshTokenEntity).findOneBy({ tokenHash: hashRefreshToken(token) });
    if (known) await this.revokeFamily(known.familyId);
  }

  /** Every live token of the user (password change, reset, disabling). */
  async revokeAllForUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  private async revokeFamily(familyId: string): Promise<number> {
    const result = await this.dataSource.getRepository(RefreshTokenEntity).update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return result.affected ?? 0;
  }
}

/** pg returns [rows, count] for UPDATE … RETURNING through TypeORM's query(). */
function firstRow<T>(result: T[] | [T[], number]): T | undefined {
  const rows = Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
  return rows[0];
}
