import { assertScheduleInterval, shortestGapMinutes } from './schedule-time';

describe('shortestGapMinutes: the closest two runs of a cron', () => {
  it.each([
    ['* * * * *', 1],
    ['*/30 * * * *', 30],
    ['0 * * * *', 60],
    ['0,59 8 * * 1', 59],
    ['0 8,20 * * *', 720],
    ['30 7 * * *', 1440],
    ['0 23 * * *', 1440],
    ['0 8 * * 1', 10_080],
    ['0 8 * * 1,2', 1440],
    ['55 23 * * 5,6', 1440],
    ['0 8 1,2 * *', 1440],
    // Either day rule: the 1st of the month or Mondays.
    ['0 8 1 * 1', 1440],
    ['0 8 1 * *', 28 * 1440],
    ['0 0 29 2 *', 4 * 365 * 1440 + 1440],
  ])('%s → %d minutes', (cron, minutes) => {
    const gap = shortestGapMinutes(cron);
    // Two years seen: a once-in-four-years cron is at least that far apart.
    if (minutes > 731 * 1440) expect(gap).toBe(Infinity);
    else expect(gap).toBe(minutes);
  });

  it('should refuse more often than the minimum with 400 on cron, and take exactly the minimum', () => {
    expect(() => assertScheduleInterval('*/30 * * * *', 60)).toThrow(/at most once every 1 hour/);
    expect(() => assertScheduleInterval('0 * * * *', 60)).not.toThrow();
    expect(() => assertScheduleInterval('0 8,20 * * *', 1440)).toThrow(/24 hour/);
  });
});

describe('shortestGapMinutes with the last day of the month', () => {
  it('should count L as the last day (28 days in February, 29 in a leap year)', () => {
    expect(shortestGapMinutes('0 8 L * *')).toBe(28 * 1440);
    expect(shortestGapMinutes('0 8 1,L * *')).toBe(1440);
  });
});
