/**
 * The lock-out arithmetic, without I/O. Failures are counted per (username, client
 * address): past `maxAttempts` that address waits before it may try again, twice as
 * long after each further failure (exponential backoff, capped at `lockoutMs`), while
 * the same account from any other address is unaffected — nobody can lock anyone out.
 * Failures across all addresses only slow the account's sign-ins down a little.
 */
export interface LockoutPolicy {
  readonly maxAttempts: number;
  /** The longest wait, and how long failures are remembered after the last one. */
  readonly lockoutMs: number;
}

export interface LockoutState {
  readonly failedAttempts: number;
  readonly lastFailedAt: Date | null;
  readonly lockedUntil: Date | null;
}

export const NO_FAILURES: LockoutState = { failedAttempts: 0, lastFailedAt: null, lockedUntil: null };

/** The first wait after maxAttempts failures (or lockoutMs when that is shorter). */
export const FIRST_LOCK_MS = 30_000;
/** Account-wide failures (all addresses) before sign-ins to that account are slowed down. */
export const ACCOUNT_SLOWDOWN_AFTER = 10;
/** Added per account-wide failure beyond that, up to ACCOUNT_SLOWDOWN_MAX_MS: a delay, never a refusal. */
export const ACCOUNT_SLOWDOWN_STEP_MS = 200;
export const ACCOUNT_SLOWDOWN_MAX_MS = 3_000;

/** Milliseconds until the lock ends, or 0 when sign-in is allowed. */
export function remainingLockMs(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/**
 * The state after one more failed sign-in from one address. Failures older than
 * the lock-out period are forgotten (a typo a week ago does not count); an expired
 * lock is not: the next failure waits twice as long.
 */
export function afterFailedAttempt(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  const stale = state.lastFailedAt !== null && now.getTime() - state.lastFailedAt.getTime() > policy.lockoutMs;
  const failedAttempts = (stale ? 0 : state.failedAttempts) + 1;
  if (failedAttempts < policy.maxAttempts) return { failedAttempts, lastFailedAt: now, lockedUntil: stale ? null : state.lockedUntil };
  const waitMs = Math.min(policy.lockoutMs, Math.min(FIRST_LOCK_MS, policy.lockoutMs) * 2 ** (failedAttempts - policy.maxAttempts));
  return { failedAttempts, lastFailedAt: now, lockedUntil: new Date(now.getTime() + waitMs) };
}

/** How long a sign-in to an account with this many recent failures (all addresses) is held back. */
export function accountSlowdownMs(state: LockoutState, now: Date, policy: LockoutPolicy): number {
  const stale = state.lastFailedAt === null || now.getTime() - state.lastFailedAt.getTime() > policy.lockoutMs;
  if (stale) return 0;
  return Math.min(ACCOUNT_SLOWDOWN_MAX_MS, Math.max(0, state.failedAttempts - ACCOUNT_SLOWDOWN_AFTER) * ACCOUNT_SLOWDOWN_STEP_MS);
}
