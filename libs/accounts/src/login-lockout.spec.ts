import { afterFailedAttempt, NO_FAILURES, remainingLockMs, type LockoutState } from './login-lockout';

const policy = { maxAttempts: 5, lockoutMs: 15 * 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, 0) + seconds * 1000);

function failTimes(times: number, state: LockoutState = NO_FAILURES, start = 0): LockoutState {
  let current = state;
  for (let i = 0; i < times; i += 1) current = afterFailedAttempt(current, at(start + i), policy);
  return current;
}

describe('login lock-out arithmetic', () => {
  it('allows sign-in until the fifth failure, then locks for the lock-out period', () => {
    const four = failTimes(4);
    expect(four.failedAttempts).toBe(4);
    expect(remainingLockMs(four, at(4))).toBe(0);
    const five = afterFailedAttempt(four, at(4), policy);
    expect(five.lockedUntil).toEqual(new Date(at(4).getTime() + policy.lockoutMs));
    expect(remainingLockMs(five, at(4))).toBe(policy.lockoutMs);
    expect(remainingLockMs(five, at(64))).toBe(policy.lockoutMs - 60_000);
  });

  it('unlocks when the period has passed and starts counting again', () => {
    const locked = failTimes(5);
    const after = at(4 + 15 * 60);
    expect(remainingLockMs(locked, after)).toBe(0);
    const next = afterFailedAttempt(locked, after, policy);
    expect(next).toEqual({ failedAttempts: 1, lastFailedAt: after, lockedUntil: null });
  });

  it('forgets failures older than the lock-out period', () => {
    const two = failTimes(2);
    const muchLater = at(2 * 3600);
    expect(afterFailedAttempt(two, muchLater, policy).failedAttempts).toBe(1);
  });

  it('never lengthens a lock for failures below the threshold', () => {
    expect(failTimes(3).lockedUntil).toBeNull();
  });
});
