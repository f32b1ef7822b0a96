import { getDayDetail } from 'chinese-days';
import { addCalendarDays } from './business-date';
import {
  addWorkingDays,
  addWorkingDaysDetailed,
  dayInfo,
  isHoliday,
  isMakeupWorkday,
  isPublicHoliday,
  isWorkday,
  nextWorkday,
  previousWorkday,
  workdayOnOrAfter,
  workingDaysBetween,
  workingDaysBetweenDetailed,
  workingDaysInRange,
} from './working-days';

describe('isWorkday / isHoliday', () => {
  // 2025 National Day + Mid-Autumn: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 are worked.
  it.each([
    ['2025-09-26', true, 'Friday before'],
    ['2025-09-27', false, 'ordinary Saturday'],
    ['2025-09-28', true, 'make-up Sunday (调休)'],
    ['2025-09-30', true, 'Tuesday before the holiday'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-06', false, 'Mid-Autumn inside the golden week'],
    ['2025-10-08', false, 'last holiday day'],
    ['2025-10-09', true, 'first day back'],
    ['2025-10-11', true, 'make-up Saturday'],
    ['2025-10-12', false, 'ordinary Sunday'],
  ])('2025 National Day: %s is workday=%s (%s)', (date, workday) => {
    expect(isWorkday(date)).toBe(workday);
    expect(isHoliday(date)).toBe(!workday);
  });

  // 2025 Spring Festival: 01-28..02-04 off; Sunday 01-26 and Saturday 02-08 worked.
  it.each([
    ['2025-01-01', false],
    ['2025-01-26', true],
    ['2025-01-27', true],
    ['2025-01-28', false],
    ['2025-01-29', false],
    ['2025-02-04', false],
    ['2025-02-05', true],
    ['2025-02-08', true],
    ['2025-02-09', false],
  ])('2025 Spring Festival: %s is workday=%s', (date, workday) => {
    expect(isWorkday(date)).toBe(workday);
  });

  // 2026 Spring Festival: 02-15..02-23 off; Saturdays 02-14 and 02-28 worked.
  it.each([
    ['2026-02-13', true],
    ['2026-02-14', true],
    ['2026-02-15', false],
    ['2026-02-17', false],
    ['2026-02-23', false],
    ['2026-02-24', true],
    ['2026-02-28', true],
    ['2026-03-01', false],
  ])('2026 Spring Festival: %s is workday=%s', (date, workday) => {
    expect(isWorkday(date)).toBe(workday);
  });

  // 2026 National Day: 10-01..10-07 off; Sunday 09-20 and Saturday 10-10 worked.
  it.each([
    ['2026-09-19', false],
    ['2026-09-20', true],
    ['2026-09-30', true],
    ['2026-10-01', false],
    ['2026-10-07', false],
    ['2026-10-08', true],
    ['2026-10-10', true],
    ['2026-10-11', false],
  ])('2026 National Day: %s is workday=%s', (date, workday) => {
    expect(isWorkday(date)).toBe(workday);
  });

  it('distinguishes public holidays, make-up days and plain weekends', () => {
    expect(isPublicHoliday('2025-10-01')).toBe(true);
    expect(isPublicHoliday('2025-10-12')).toBe(false);
    expect(isMakeupWorkday('2025-09-28')).toBe(true);
    expect(isMakeupWorkday('2025-09-29')).toBe(false);
    expect(dayInfo('2025-10-12')).toEqual({
      date: '2025-10-12',
      workday: false,
      kind: 'weekend',
      festival: null,
      official: true,
    });
    expect(dayInfo('2026-01-04')).toMatchObject({ workday: true, kind: 'makeup_workday', festival: '元旦' });
  });

  it('falls back to Monday–Friday in years without data and says so', () => {
    expect(dayInfo('2027-10-01')).toEqual({
      date: '2027-10-01',
      workday: true, // a Friday; the real 2027 arrangement is not published yet
      kind: 'weekday',
      festival: null,
      official: false,
    });
    expect(isWorkday('2027-10-02')).toBe(false);
    expect(isWorkday('2003-10-01')).toBe(true); // before the data starts: Wednesday
    expect(dayInfo('2003-10-01').official).toBe(false);
  });

  it('throws on an invalid date', () => {
    expect(() => isWorkday('2025-02-30')).toThrow(RangeError);
  });

  // The local time zone must not matter: the package's own functions read local getters, so only compare
  // when the process offset is ≥ 0 (TZ=UTC in Jest, per the house rules).
  const offsetSafe = new Date(Date.UTC(2025, 0, 1)).getDate() === 1;
  (offsetSafe ? it : it.skip)('agrees with chinese-days getDayDetail on every day 2004–2026', () => {
    let date = '2004-01-01';
    let checked = 0;
    while (date <= '2026-12-31') {
      expect({ date, workday: isWorkday(date) }).toEqual({ date, workday: getDayDetail(date).work });
      date = addCalendarDays(date, 1);
      checked++;
    }
    expect(checked).toBe(8401);
  });
});

describe('nextWorkday / previousWorkday / workdayOnOrAfter', () => {
  it('skips the golden week and lands on make-up days', () => {
    expect(nextWorkday('2025-09-30')).toBe('2025-10-09');
    expect(nextWorkday('2025-09-26')).toBe('2025-09-28');
    expect(nextWorkday('2025-10-10')).toBe('2025-10-11');
    expect(previousWorkday('2025-10-09')).toBe('2025-09-30');
    expect(previousWorkday('2025-10-13')).toBe('2025-10-11');
  });

  it('returns the date itself when it is a working day', () => {
    expect(workdayOnOrAfter('2025-10-09')).toBe('2025-10-09');
    expect(workdayOnOrAfter('2025-10-03')).toBe('2025-10-09');
  });

  it('crosses the year boundary into the 2026 New Year make-up Sunday', () => {
    expect(nextWorkday('2025-12-31')).toBe('2026-01-04');
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2025-09-30', 1, '2025-10-09'],
    ['2025-09-30', 2, '2025-10-10'],
    ['2025-09-30', 3, '2025-10-11'],
    ['2025-09-30', 4, '2025-10-13'],
    ['2025-09-26', 1, '2025-09-28'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-01-24', 1, '2025-01-26'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
    ['2026-02-27', 1, '2026-02-28'],
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-18', 1, '2026-09-20'],
    ['2025-12-31', 1, '2026-01-04'],
    ['2025-12-30', 2, '2026-01-04'],
  ])('%s + %i working days = %s', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it.each([
    ['2025-10-09', -1, '2025-09-30'],
    ['2025-10-09', -2, '2025-09-29'],
    ['2025-10-09', -3, '2025-09-28'],
    ['2025-10-09', -4, '2025-09-26'],
    ['2026-02-24', -1, '2026-02-14'],
    ['2026-01-04', -1, '2025-12-31'],
    ['2025-10-05', -1, '2025-09-30'],
  ])('%s %i working days = %s (negative n)', (from, n, expected) => {
    expect(addWorkingDays(from, n)).toBe(expected);
  });

  it('n = 0 keeps a working day and rolls a rest day forward', () => {
    expect(addWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-01', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-28', 0)).toBe('2025-09-28');
  });

  it('handles large n (1000 working days, several holiday years)', () => {
    expect(addWorkingDays('2020-01-01', 1000)).toBe('2024-01-04');
    // (2020-01-01, 2024-01-04] holds 1000 working days, so 999 back from 2024-01-04 is 2020-01-02
    // (2020-01-01 is a holiday) and the 1000th is 2019-12-31.
    expect(addWorkingDays('2024-01-04', -999)).toBe('2020-01-02');
    expect(addWorkingDays('2024-01-04', -1000)).toBe('2019-12-31');
    expect(addWorkingDays('2024-12-31', 248)).toBe('2025-12-31'); // 2025 has 248 working days
  });

  it('rejects non-integer and absurd counts', () => {
    expect(() => addWorkingDays('2025-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays('2025-01-01', 1e9)).toThrow(RangeError);
  });

  it('is official inside published years and provisional when it touches a fallback year', () => {
    expect(addWorkingDaysDetailed('2025-09-30', 1)).toEqual({ date: '2025-10-09', provisional: false });
    // 2027-01-01 is a Friday; the real New Year holiday is not published yet.
    expect(addWorkingDaysDetailed('2026-12-31', 1)).toEqual({ date: '2027-01-01', provisional: true });
    expect(addWorkingDaysDetailed('2027-01-04', -1)).toEqual({ date: '2027-01-01', provisional: true });
    expect(addWorkingDaysDetailed('2027-06-30', 0)).toEqual({ date: '2027-06-30', provisional: true });
    expect(addWorkingDaysDetailed('2027-01-04', -3)).toEqual({ date: '2026-12-30', provisional: true });
    expect(addWorkingDaysDetailed('2003-12-31', 1)).toEqual({ date: '2004-01-02', provisional: true });
  });

  it('counts make-up days in fallback-free Mon–Fri arithmetic for 2028', () => {
    expect(addWorkingDays('2028-03-03', 1)).toBe('2028-03-06'); // Friday → Monday
    expect(addWorkingDays('2028-03-06', 5)).toBe('2028-03-13');
  });
});

describe('workingDaysBetween', () => {
  it('counts the half-open interval (from, to]', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-09-26', '2025-09-30')).toBe(3); // Sun 28 (make-up), Mon 29, Tue 30
    expect(workingDaysBetween('2025-10-09', '2025-10-09')).toBe(0);
  });

  it('is signed: negative when to is before from', () => {
    expect(workingDaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
    expect(workingDaysBetween('2025-09-30', '2025-09-26')).toBe(-3);
  });

  it('counts whole years', () => {
    expect(workingDaysBetween('2024-12-31', '2025-12-31')).toBe(248);
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    expect(workingDaysBetween('2023-12-31', '2024-12-31')).toBe(251);
  });

  it('is the inverse of addWorkingDays for working-day targets', () => {
    const from = '2025-09-15';
    for (let n = -40; n <= 40; n++) {
      const to = addWorkingDays(from, n);
      if (n !== 0) expect(workingDaysBetween(from, to)).toBe(n);
    }
  });

  it('flags provisional counts that touch a fallback year', () => {
    expect(workingDaysBetweenDetailed('2025-01-01', '2025-12-31')).toEqual({ days: 248, provisional: false });
    expect(workingDaysBetweenDetailed('2026-12-31', '2027-01-08')).toEqual({ days: 6, provisional: true });
    expect(workingDaysBetweenDetailed('2027-01-08', '2026-12-31')).toEqual({ days: -6, provisional: true });
    expect(workingDaysBetweenDetailed('2027-01-08', '2027-01-08')).toEqual({ days: 0, provisional: true });
  });
});

describe('workingDaysInRange', () => {
  it('lists working days inclusive of both ends', () => {
    expect(workingDaysInRange('2025-09-26', '2025-10-11')).toEqual([
      '2025-09-26',
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
    expect(workingDaysInRange('2025-10-02', '2025-10-01')).toEqual([]);
  });
});
