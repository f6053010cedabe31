import { lockSecondsAfter, UnknownEmailLockout } from './lockout';

const policy = { threshold: 5, baseSeconds: 60, maxSeconds: 3600 };

describe(lockSecondsAfter.name, () => {
  it('should not lock before the 5th consecutive failure, then lock 1, 2, 4, … minutes, capped at 1 h', () => {
    const schedule = Array.from({ length: 14 }, (_, i) => lockSecondsAfter(i + 1, policy));
    expect(schedule).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
    expect(lockSecondsAfter(10_000, policy)).toBe(3600);
  });
});

describe(UnknownEmailLockout.name, () => {
  it('should lock an unknown email on the same schedule, and forget the oldest entries past its capacity', () => {
    const lockout = new UnknownEmailLockout(policy, 2);
    const now = 1_000_000;
    expect([1, 2, 3, 4].map(() => lockout.fail('x@y.z', now))).toEqual([0, 0, 0, 0]);
    expect(lockout.fail('x@y.z', now)).toBe(60);
    expect(lockout.lockedFor('x@y.z', now + 30_000)).toBe(30);
    expect(lockout.lockedFor('x@y.z', now + 61_000)).toBe(0);
    lockout.fail('a@y.z', now);
    lockout.fail('b@y.z', now);
    expect(lockout.lockedFor('x@y.z', now)).toBe(0);
  });
});
