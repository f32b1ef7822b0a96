import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes: the opaque refresh token handed to the client (base64url, 43 characters). */
export function newRefreshTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database stores instead of the token. A fast hash is enough: the
 * token is 256 random bits, so there is nothing to brute-force (unlike passwords).
 */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Shape check before touching the database (43 base64url characters). */
export function looksLikeRefreshToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
