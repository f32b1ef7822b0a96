import { loadAccountsConfig, parseDurationSeconds } from './accounts-config';

describe('loadAccountsConfig', () => {
  it('uses the documented defaults and a random secret outside production', () => {
    const config = loadAccountsConfig({});
    expect(config).toMatchObject({ production: false, jwtSecretGenerated: true, accessTtlSeconds: 900, refreshTtlSeconds: 14 * 86400, loginMaxAttempts: 5, loginLockoutMs: 15 * 60_000, loginRateLimit: 20, metricsToken: null, bodyLimit: '1mb', trustProxy: false });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadAccountsConfig({}).jwtSecret).not.toBe(config.jwtSecret);
    expect(config.corsOrigins).toContain('http://localhost:5173');
  });

  it('refuses to run in production without a strong JWT_SECRET', () => {
    expect(() => loadAccountsConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadAccountsConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32/);
    const config = loadAccountsConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) });
    expect(config).toMatchObject({ production: true, jwtSecretGenerated: false, corsOrigins: [] });
  });

  it('reads CORS origins, fractional lock-out minutes and durations', () => {
    const config = loadAccountsConfig({ CORS_ORIGINS: 'https://a.example, https://b.example:8443', LOGIN_LOCKOUT_MINUTES: '0.05', JWT_ACCESS_TTL: '30s' });
    expect(config.corsOrigins).toEqual(['https://a.example', 'https://b.example:8443']);
    expect(config.loginLockoutMs).toBe(3000);
    expect(config.accessTtlSeconds).toBe(30);
    expect(loadAccountsConfig({ CORS_ORIGINS: 'none' }).corsOrigins).toEqual([]);
  });

  it.each([
    [{ CORS_ORIGINS: 'https://a.example/path' }, /bare origins/],
    [{ LOGIN_MAX_ATTEMPTS: '0' }, /LOGIN_MAX_ATTEMPTS/],
    [{ LOGIN_LOCKOUT_MINUTES: 'soon' }, /LOGIN_LOCKOUT_MINUTES/],
    [{ JWT_REFRESH_TTL: '2 weeks' }, /JWT_REFRESH_TTL must be a duration/],
    [{ JSON_BODY_LIMIT: 'big' }, /JSON_BODY_LIMIT/],
  ])('rejects %p naming the variable', (env, message) => {
    expect(() => loadAccountsConfig(env)).toThrow(message);
  });

  it('parses durations', () => {
    expect(parseDurationSeconds('X', '90')).toBe(90);
    expect(parseDurationSeconds('X', '12h')).toBe(43200);
    expect(() => parseDurationSeconds('X', '0m')).toThrow(/greater than zero/);
  });
});
