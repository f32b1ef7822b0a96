import { addCalendarDays, calendarDaysBetween } from './business-date';
import { hasOfficialData } from './holiday-data';
import {
  WORKING_CALENDAR_FIRST_DAY,
  WORKING_CALENDAR_LAST_DAY,
  workingCalendarDays,
  workingCalendarFingerprint,
  workingCalendarJoinSql,
} from './working-calendar-table';
import { isWorkday, workingDaysBetween } from './working-days';

describe('the working-day calendar table (what SQL counts working days with)', () => {
  const days = workingCalendarDays();
  const seq = new Map(days.map((day) => [day.day, day.workdaySeq]));

  it('holds every day of its range once, in order, with a running count of working days', () => {
    expect(days[0]!.day).toBe(WORKING_CALENDAR_FIRST_DAY);
    expect(days.at(-1)!.day).toBe(WORKING_CALENDAR_LAST_DAY);
    expect(days).toHaveLength(calendarDaysBetween(WORKING_CALENDAR_FIRST_DAY, WORKING_CALENDAR_LAST_DAY) + 1);
    days.forEach((day, index) => {
      if (index === 0) return;
      const previous = days[index - 1]!;
      expect(day.day).toBe(addCalendarDays(previous.day, 1));
      expect(day.workdaySeq - previous.workdaySeq).toBe(day.workday ? 1 : 0);
    });
  });

  it('seq(to) − seq(from) is workingDaysBetween(from, to), across holidays, make-up workdays and years without data', () => {
    const pairs: [string, string][] = [
      ['2026-09-30', '2026-10-09'], // 国庆 2026 with its make-up Saturday
      ['2026-02-13', '2026-02-24'], // 春节 2026
      ['2025-12-31', '2026-01-05'],
      ['2026-12-25', '2027-01-08'], // into a year chinese-days does not know: Monday–Friday
      ['2027-10-08', '2027-09-30'], // backwards: negative
      ['2026-06-30', '2026-06-30'],
      ['2000-01-01', '2100-12-31'],
    ];
    for (const [from, to] of pairs) expect(seq.get(to)! - seq.get(from)!).toBe(workingDaysBetween(from, to));
    for (const day of days.filter((_, index) => index % 97 === 0)) expect(day.workday).toBe(isWorkday(day.day));
  });

  it('marks the years without published data as Monday–Friday, not official', () => {
    const unknown = days.filter((day) => day.day.startsWith('2099-'));
    expect(hasOfficialData(2099)).toBe(false);
    expect(unknown.every((day) => !day.official)).toBe(true);
    expect(unknown.filter((day) => day.workday)).toHaveLength(261);
    expect(days.find((day) => day.day === '2026-10-01')).toMatchObject({ workday: false, official: true });
  });

  it('has a stable fingerprint and refuses a bad alias', () => {
    expect(workingCalendarFingerprint()).toBe(workingCalendarFingerprint());
    expect(workingCalendarFingerprint()).toMatch(/^2000-01-01\.\.2100-12-31:\d{4}-\d{4}:[0-9a-f]{8}$/);
    expect(() => workingCalendarJoinSql('x; DROP', 'd')).toThrow(RangeError);
  });
});
