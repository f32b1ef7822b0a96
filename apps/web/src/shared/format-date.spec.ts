import { addCalendarDays, daysBetween, formatDate, formatDateTime, shanghaiToday } from './format-date';

describe('Chinese dates', () => {
  it('writes business dates as 2026年6月30日 without shifting the day', () => {
    expect(formatDate('2026-06-30')).toBe('2026年6月30日');
    expect(formatDate('2027-01-05')).toBe('2027年1月5日');
    expect(formatDate(null)).toBe('—');
  });

  it('writes instants in Beijing time', () => {
    // 16:30 UTC on 30 June is 00:30 on 1 July in Shanghai.
    expect(formatDate('2026-06-30T16:30:00.000Z')).toBe('2026年7月1日');
    expect(formatDateTime('2026-06-30T06:05:00.000Z')).toBe('2026年6月30日 14:05');
    expect(formatDateTime('2026-06-30T16:30:00.000Z')).toBe('2026年7月1日 00:30');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it("computes Shanghai's today and calendar-day arithmetic", () => {
    expect(shanghaiToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(addCalendarDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(daysBetween('2026-12-30', '2027-01-02')).toBe(3);
    expect(daysBetween('2027-01-02', '2026-12-30')).toBe(-3);
  });
});
