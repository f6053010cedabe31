import { lockSecondsAfter } from './login-throttle.service';

const policy = { threshold: 5, baseSeconds: 60, maxSeconds: 3600 };

describe(lockSecondsAfter.name, () => {
  it('should not lock before the 5th consecutive failure, then lock 1, 2, 4, … minutes, capped at 1 h', () => {
    const schedule = Array.from({ length: 14 }, (_, i) => lockSecondsAfter(i + 1, policy));
    expect(schedule).toEqual([0, 0, 0, 0, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600]);
    expect(lockSecondsAfter(10_000, policy)).toBe(3600);
  });
});
