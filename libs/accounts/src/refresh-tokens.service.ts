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
      if (!row) return null;
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
