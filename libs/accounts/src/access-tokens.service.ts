import { createSecretKey } from 'node:crypto';
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
/** Audience of event-stream tickets: they open the event stream and nothing else. */
export const EVENT_TICKET_AUDIENCE = 'duban:event-stream';
/** An event-stream ticket is good for this long (EventSource reconnects within it reuse it). */
export const EVENT_TICKET_TTL_SECONDS = 60;

/** Short-lived HS256 access tokens. */
@Injectable()
export class AccessTokensService {
  /**
   * The key as a KeyObject, made once: given a string, jsonwebtoken first tries
   * it as a PEM public key and builds a secret key from it only after that throws,
   * on every verify (3% of bench:api's CPU profile, the largest single function).
   * (@nestjs/jwt types the option as string | Buffer; jsonwebtoken takes a KeyObject.)
   */
  private readonly secret: string;

  constructor(
    private readonly jwt: JwtService,
    @Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig,
  ) {
    this.secret = createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) as unknown as string;
  }

  async sign(user: UserEntity): Promise<{ accessToken: string; expiresIn: number }> {
    const claims: AccessTokenClaims = { sub: user.id, ver: user.tokenVersion, username: user.username, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.secret,
      algorithm: 'HS256',
      expiresIn: this.config.accessTtlSeconds,
      issuer: JWT_ISSUER,
    });
    return { accessToken, expiresIn: this.config.accessTtlSeconds };
  }

  /** The claims of a valid, unexpired access token, or null (an event-stream ticket is not an access token). */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims & { aud?: unknown }>(token, { secret: this.secret, algorithms: ['HS256'], issuer: JWT_ISSUER });
      return typeof claims.sub === 'string' && Number.isInteger(claims.ver) && claims.aud === undefined ? claims : null;
    } catch {
      return null;
    }
  }

  /**
   * A single-purpose, short-lived ticket for the event stream (EventSource cannot
   * send headers, so it travels in the URL): it opens the stream for a minute and
   * is refused everywhere else, so a URL that leaks into a log is worth little.
   */
  async signEventTicket(user: UserEntity): Promise<{ ticket: string; expiresIn: number }> {
    const ticket = await this.jwt.signAsync(
      { sub: user.id, ver: user.tokenVersion },
      { secret: this.secret, algorithm: 'HS256', expiresIn: EVENT_TICKET_TTL_SECONDS, issuer: JWT_ISSUER, audience: EVENT_TICKET_AUDIENCE },
    );
    return { ticket, expiresIn: EVENT_TICKET_TTL_SECONDS };
  }

  /** The claims of a valid, unexpired event-stream ticket, or null. */
  async verifyEventTicket(ticket: string): Promise<Pick<AccessTokenClaims, 'sub' | 'ver'> | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(ticket, { secret: this.secret, algorithms: ['HS256'], issuer: JWT_ISSUER, audience: EVENT_TICKET_AUDIENCE });
      return typeof claims.sub === 'string' && Number.isInteger(claims.ver) ? claims : null;
    } catch {
      return null;
    }
  }
}
