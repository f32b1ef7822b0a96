import { hashRefreshToken, looksLikeRefreshToken, newRefreshTokenSecret } from './refresh-token-secret';

describe('refresh token secrets', () => {
  it('are 256-bit base64url strings, different every time', () => {
    const a = newRefreshTokenSecret();
    const b = newRefreshTokenSecret();
    expect(a).not.toBe(b);
    expect(looksLikeRefreshToken(a)).toBe(true);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
  });

  it('hash to a stable hex SHA-256 that is not the token', () => {
    const token = newRefreshTokenSecret();
    expect(hashRefreshToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(token)).toBe(hashRefreshToken(token));
    expect(hashRefreshToken(token)).not.toContain(token);
    expect(hashRefreshToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('rejects malformed tokens before any lookup', () => {
    expect(looksLikeRefreshToken('')).toBe(false);
    expect(looksLikeRefreshToken('x'.repeat(42))).toBe(false);
    expect(looksLikeRefreshToken(`${'x'.repeat(42)}=`)).toBe(false);
  });
});
