/** The lock-out arithmetic, without I/O: what one username's failed sign-ins mean now. */
export interface LockoutPolicy {
  readonly maxAttempts: number;
  readonly lockoutMs: number;
}

export interface LockoutState {
  readonly failedAttempts: number;
  readonly lastFailedAt: Date | null;
  readonly lockedUntil: Date | null;
}

export const NO_FAILURES: LockoutState = { failedAttempts: 0, lastFailedAt: null, lockedUntil: null };

/** Milliseconds until the lock ends, or 0 when sign-in is allowed. */
export function remainingLockMs(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

/**
 * The state after one more failed sign-in. Failures older than the lock-out
 * period are forgotten (a typo a week ago does not count), and so are the
 * failures that caused an expired lock: after a lock ends the user gets a
 * full set of attempts again.
 */
export function afterFailedAttempt(state: LockoutState, now: Date, policy: LockoutPolicy): LockoutState {
  const lockExpired = state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
  const stale = state.lastFailedAt !== null && now.getTime() - state.lastFailedAt.getTime() > policy.lockoutMs;
  const previous = lockExpired || stale ? 0 : state.failedAttempts;
  const failedAttempts = previous + 1;
  const lockedUntil = failedAttempts >= policy.maxAttempts ? new Date(now.getTime() + policy.lockoutMs) : lockExpired ? null : state.lockedUntil;
  return { failedAttempts, lastFailedAt: now, lockedUntil };
}
