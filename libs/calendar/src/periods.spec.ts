import {
  endOfHalfYear,
  endOfMonth,
  endOfQuarter,
  endOfYear,
  halfYearPeriod,
  isWithinPeriod,
  periodContaining,
  startOfPeriod,
  yearPeriod,
} from './periods';

describe('period boundaries', () => {
  it.each([
    ['2025-01-15', '2025-01-31', '2025-03-31', '2025-06-30', '2025-12-31'],
    ['2024-02-10', '2024-02-29', '2024-03-31', '2024-06-30', '2024-12-31'],
    ['2025-02-10', '2025-02-28', '2025-03-31', '2025-06-30', '2025-12-31'],
    ['2025-06-30', '2025-06-30', '2025-06-30', '2025-06-30', '2025-12-31'],
    ['2025-07-01', '2025-07-31', '2025-09-30', '2025-12-31', '2025-12-31'],
    ['2025-11-30', '2025-11-30', '2025-12-31', '2025-12-31', '2025-12-31'],
    ['2025-12-31', '2025-12-31', '2025-12-31', '2025-12-31', '2025-12-31'],
  ])('%s → month %s, quarter %s, half %s, year %s', (date, month, quarter, half, year) => {
    expect(endOfMonth(date)).toBe(month);
    expect(endOfQuarter(date)).toBe(quarter);
    expect(endOfHalfYear(date)).toBe(half);
    expect(endOfYear(date)).toBe(year);
  });

  it('returns the containing period with its start', () => {
    expect(periodContaining('quarter', '2025-08-15')).toEqual({ kind: 'quarter', start: '2025-07-01', end: '2025-09-30' });
    expect(startOfPeriod('half_year', '2025-08-15')).toBe('2025-07-01');
    expect(startOfPeriod('year', '2025-08-15')).toBe('2025-01-01');
    expect(startOfPeriod('month', '2025-08-15')).toBe('2025-08-01');
  });

  it('builds named half-years and years', () => {
    expect(halfYearPeriod(2025, 1)).toEqual({ kind: 'half_year', start: '2025-01-01', end: '2025-06-30' });
    expect(halfYearPeriod(2025, 2)).toEqual({ kind: 'half_year', start: '2025-07-01', end: '2025-12-31' });
    expect(yearPeriod(2026)).toEqual({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
  });

  it('tests membership inclusively', () => {
    const h1 = halfYearPeriod(2025, 1);
    expect(isWithinPeriod('2025-01-01', h1)).toBe(true);
    expect(isWithinPeriod('2025-06-30', h1)).toBe(true);
    expect(isWithinPeriod('2025-07-01', h1)).toBe(false);
    expect(() => isWithinPeriod('bad', h1)).toThrow(RangeError);
  });
});
