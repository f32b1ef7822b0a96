import { randomBytes } from 'node:crypto';
import { processEnvironment } from '@duban/config';

/**
 * Settings of sign-in, tokens and the HTTP security layer, read from the
 * environment. libs/accounts/README.md is the user-facing copy of this list.
 */
export interface AccountsConfig {
  readonly production: boolean;
  /** HS256 key of access tokens. */
  readonly jwtSecret: string;
  /** True when JWT_SECRET was unset outside production and a random per-process key is used. */
  readonly jwtSecretGenerated: boolean;
  readonly accessTtlSeconds: number;
  readonly refreshTtlSeconds: number;
  /** Failed sign-ins of one username before it is locked. */
  readonly loginMaxAttempts: number;
  readonly loginLockoutMs: number;
  /** Sign-in and refresh requests per client IP per minute. */
  readonly loginRateLimit: number;
  /** Allowed browser origins; empty means CORS is off. */
  readonly corsOrigins: readonly string[];
  /** When set, GET /metrics requires `Authorization: Bearer <token>`; when unset, only loopback clients may read it. */
  readonly metricsToken: string | null;
  /** Largest JSON or form body, in express's size notation. */
  readonly bodyLimit: string;
  /** Express "trust proxy" setting (false, true, a hop count or a list of addresses). */
  readonly trustProxy: boolean | number | string;
}

export class AccountsConfigError extends Error {
  override readonly name = 'AccountsConfigError';
}

/** Development origins allowed when CORS_ORIGINS is unset outside production (Vite, Angular, Nest defaults). */
export const DEV_CORS_ORIGINS = ['http://localhost:3000', 'http://localhost:4200', 'http://localhost:5173', 'http://127.0.0.1:3000', 'http://127.0.0.1:4200', 'http://127.0.0.1:5173'];

/** The minimum length of a production JWT_SECRET: 32 characters (≥ 256 bits when random). */
export const MIN_JWT_SECRET_LENGTH = 32;

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** '15m' → 900. Plain numbers are seconds. */
export function parseDurationSeconds(name: string, value: string): number {
  if (/^\d+$/.test(value)) return positive(name, Number(value));
  const match = DURATION.exec(value);
  if (!match) throw new AccountsConfigError(`${name} must be a duration such as 30s, 15m, 12h or 14d, got "${value}"`);
  return positive(name, Number(match[1]) * UNIT_SECONDS[match[2]]);
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new AccountsConfigError(`${name} must be greater than zero, got "${value}"`);
  return value;
}

export function loadAccountsConfig(env: Readonly<Record<string, string | undefined>> = processEnvironment()): AccountsConfig {
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number): number => {
    const value = raw(name) ?? String(fallback);
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new AccountsConfigError(`${name} must be a positive whole number, got "${value}"`);
    return Number(value);
  };
  const production = raw('NODE_ENV') === 'production';

  const secret = raw('JWT_SECRET');
  if (production && !secret) throw new AccountsConfigError('JWT_SECRET is required when NODE_ENV=production (32+ random characters, e.g. `openssl rand -base64 48`)');
  if (production && secret && secret.length < MIN_JWT_SECRET_LENGTH) {
    throw new AccountsConfigError(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters long`);
  }

  // Fractional minutes are allowed so tests can lock for a few seconds.
  const lockoutMinutes = Number(raw('LOGIN_LOCKOUT_MINUTES') ?? '15');
  if (!Number.isFinite(lockoutMinutes) || lockoutMinutes <= 0) {
    throw new AccountsConfigError(`LOGIN_LOCKOUT_MINUTES must be a number of minutes greater than zero, got "${raw('LOGIN_LOCKOUT_MINUTES')}"`);
  }

  const corsSetting = raw('CORS_ORIGINS');
  let corsOrigins: string[];
  if (corsSetting === undefined) corsOrigins = production ? [] : DEV_CORS_ORIGINS;
  else if (corsSetting.toLowerCase() === 'none') corsOrigins = [];
  else corsOrigins = corsSetting.split(',').map((origin) => origin.trim()).filter(Boolean).map((origin) => checkOrigin(origin));

  const bodyLimit = raw('JSON_BODY_LIMIT') ?? '1mb';
  if (!/^\d+(b|kb|mb)?$/i.test(bodyLimit)) throw new AccountsConfigError(`JSON_BODY_LIMIT must be a size such as 512kb or 1mb, got "${bodyLimit}"`);

  return {
    production,
    jwtSecret: secret ?? randomBytes(48).toString('base64url'),
    jwtSecretGenerated: !secret,
    accessTtlSeconds: parseDurationSeconds('JWT_ACCESS_TTL', raw('JWT_ACCESS_TTL') ?? '15m'),
    refreshTtlSeconds: parseDurationSeconds('JWT_REFRESH_TTL', raw('JWT_REFRESH_TTL') ?? '14d'),
    loginMaxAttempts: integer('LOGIN_MAX_ATTEMPTS', 5),
    loginLockoutMs: Math.round(lockoutMinutes * 60_000),
    loginRateLimit: integer('LOGIN_RATE_LIMIT', 20),
    corsOrigins,
    metricsToken: raw('METRICS_TOKEN') ?? null,
    bodyLimit,
    trustProxy: parseTrustProxy(raw('TRUST_PROXY')),
  };
}

function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new AccountsConfigError(`CORS_ORIGINS entries must be origins such as https://duban.example.gov.cn, got "${origin}"`);
  }
  if (url.origin !== origin.replace(/\/$/, '')) throw new AccountsConfigError(`CORS_ORIGINS entries must be bare origins (scheme://host[:port]), got "${origin}"`);
  return url.origin;
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || ['false', '0', 'no', 'off'].includes(value.toLowerCase())) return false;
  if (['true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
