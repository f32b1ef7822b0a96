import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  compareBusinessDates,
  dayOfWeek,
  daysInMonth,
  fromDayNumber,
  isValidBusinessDate,
  isWeekend,
  maxBusinessDate,
  minBusinessDate,
  parseBusinessDate,
  toDayNumber,
  yearOf,
} from './business-date';

describe('business dates', () => {
  it.each(['2025-01-01', '2024-02-29', '2026-12-31', '1999-07-15'])('accepts %s', (date) => {
    expect(isValidBusinessDate(date)).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-1', '2025/01/01', '', '2025-01-32', 20250101, null])(
    'rejects %p',
    (value) => {
      expect(isValidBusinessDate(value)).toBe(false);
    },
  );

  it('throws a RangeError when parsing an invalid date', () => {
    expect(() => parseBusinessDate('2025-02-30')).toThrow(RangeError);
    expect(parseBusinessDate('2025-10-08')).toEqual({ year: 2025, month: 10, day: 8 });
  });

  it('round-trips day numbers, including before 1970', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    for (const date of ['1900-03-01', '2000-02-29', '2025-12-31', '2099-01-01']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date);
    }
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addCalendarDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addCalendarDays('2025-01-01', 365)).toBe('2026-01-01');
  });

  it('counts signed calendar days', () => {
    expect(calendarDaysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(calendarDaysBetween('2025-12-31', '2025-01-01')).toBe(-364);
    expect(calendarDaysBetween('2025-05-05', '2025-05-05')).toBe(0);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(dayOfWeek('2025-10-01')).toBe(3); // Wednesday
    expect(dayOfWeek('2025-09-28')).toBe(0); // Sunday
    expect(dayOfWeek('2026-02-14')).toBe(6); // Saturday
    expect(dayOfWeek('1969-12-31')).toBe(3);
    expect(isWeekend('2025-10-11')).toBe(true);
    expect(isWeekend('2025-10-10')).toBe(false);
  });

  it('compares, picks min/max and reads the year', () => {
    expect(compareBusinessDates('2025-01-02', '2025-01-10')).toBeLessThan(0);
    expect(compareBusinessDates('2025-01-10', '2025-01-02')).toBeGreaterThan(0);
    expect(compareBusinessDates('2025-01-10', '2025-01-10')).toBe(0);
    expect(minBusinessDate('2025-03-01', '2024-03-01')).toBe('2024-03-01');
    expect(maxBusinessDate('2025-03-01', '2024-03-01')).toBe('2025-03-01');
    expect(yearOf('2027-06-30')).toBe(2027);
    expect(() => compareBusinessDates('x', '2025-01-01')).toThrow(RangeError);
  });

  it('adds months clamping to the month length', () => {
    expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addCalendarMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addCalendarMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addCalendarMonths('2025-01-15', -1)).toBe('2024-12-15');
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});
