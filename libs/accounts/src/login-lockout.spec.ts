import { accountSlowdownMs, afterFailedAttempt, NO_FAILURES, remainingLockMs, type LockoutState } from './login-lockout';

const policy = { maxAttempts: 5, lockoutMs: 15 * 60_000 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 8, 0, 0) + seconds * 1000);

function failTimes(times: number, state: LockoutState = NO_FAILURES, start = 0): LockoutState {
  let current = state;
  for (let i = 0; i < times; i += 1) current = afterFailedAttempt(current, at(start + i), policy);
  return current;
}

describe('login lock-out arithmetic', () => {
  it('allows sign-in until the fifth failure, then makes that address wait 30 s', () => {
    const four = failTimes(4);
    expect(four.failedAttempts).toBe(4);
    expect(remainingLockMs(four, at(4))).toBe(0);
    const five = afterFailedAttempt(four, at(4), policy);
    expect(five.lockedUntil).toEqual(new Date(at(4).getTime() + 30_000));
    expect(remainingLockMs(five, at(4))).toBe(30_000);
    expect(remainingLockMs(five, at(24))).toBe(10_000);
  });

  it('backs off exponentially: each failure after the threshold doubles the wait, up to the lock-out period', () => {
    let state = failTimes(5);
    const waits: number[] = [];
    let now = 4;
    for (let i = 0; i < 7; i += 1) {
      waits.push(remainingLockMs(state, at(now)) / 1000);
      now += remainingLockMs(state, at(now)) / 1000;
      state = afterFailedAttempt(state, at(now), policy);
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
  });

  it('a short lock-out period caps even the first wait', () => {
    expect(remainingLockMs(failTimes(5, NO_FAILURES, 0), at(4))).toBe(30_000);
    const short = { maxAttempts: 3, lockoutMs: 3_000 };
    let state = NO_FAILURES;
    for (let i = 0; i < 3; i += 1) state = afterFailedAttempt(state, at(0), short);
    expect(remainingLockMs(state, at(0))).toBe(3_000);
  });

  it('slows an account with many failures from anywhere down, a little, never refusing it', () => {
    let state = NO_FAILURES;
    for (let i = 0; i < 10; i += 1) state = afterFailedAttempt(state, at(i), { ...policy, maxAttempts: Number.MAX_SAFE_INTEGER });
    expect(accountSlowdownMs(state, at(10), policy)).toBe(0);
    for (let i = 0; i < 30; i += 1) state = afterFailedAttempt(state, at(10 + i), { ...policy, maxAttempts: Number.MAX_SAFE_INTEGER });
    expect(state.lockedUntil).toBeNull();
    expect(accountSlowdownMs(state, at(40), policy)).toBe(3_000);
    expect(accountSlowdownMs(state, at(40 + 16 * 60), policy)).toBe(0);
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
