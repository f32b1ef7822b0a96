import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { UserEntity } from '@duban/persistence';
import { ACCOUNTS_CONFIG } from './accounts-config.module';
import type { AccountsConfig } from './accounts-config';

/** What an access token says. Only `sub` and `ver` are trusted: role and units are re-read on every request. */
export interface AccessTokenClaims {
  readonly sub: string;
  /** The user's token version when issued; a password change bumps it and so ends older tokens. */
  readonly ver: number;
  readonly username: string;
  readonly role: string;
}

export const JWT_ISSUER = 'duban';

/** Short-lived HS256 access tokens. */
@Injectable()
export class AccessTokensService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {}

  async sign(user: UserEntity): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: AccessTokenClaims = { sub: user.id, ver: user.tokenVersion, username: user.username, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.accessTtlSeconds,
      issuer: JWT_ISSUER,
    });
    return { accessToken, expiresIn: this.config.accessTtlSeconds };
  }

  /** The claims of a valid, unexpired token, or null. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { secret: this.config.jwtSecret, algorithms: ['HS256'], issuer: JWT_ISSUER });
      return typeof claims.sub === 'string' && Number.isInteger(claims.ver) ? claims : null;
    } catch {
      return null;
    }
  }
}
