import { nextRecurrenceDueDate, nextReportDueDate, parseRecurrence } from './report-cadence';

describe('nextReportDueDate', () => {
  it.each([
    ['2025-01-31', 'weekly', '2025-02-07'],
    ['2025-01-31', 'monthly', '2025-02-28'],
    ['2025-11-30', 'quarterly', '2026-02-28'],
    ['2025-03-15', 'monthly', '2025-04-15'],
  ] as const)('%s + %s = %s', (last, cadence, expected) => {
    expect(nextReportDueDate(last, cadence)).toBe(expected);
  });
});

describe('parseRecurrence', () => {
  it.each([
    ['year', { unit: 'year', count: 1 }],
    ['2 years', { unit: 'year', count: 2 }],
    ['5 years', { unit: 'year', count: 5 }],
    ['month', { unit: 'month', count: 1 }],
    ['week', { unit: 'week', count: 1 }],
    ['quarter', { unit: 'quarter', count: 1 }],
    ['6 months', { unit: 'month', count: 6 }],
    ['half-year', { unit: 'half_year', count: 1 }],
    ['day', { unit: 'day', count: 1 }],
  ])('%s', (every, expected) => {
    expect(parseRecurrence(every)).toEqual(expected);
  });

  it.each(['', 'fortnightly', '0 years', 'every year', '-1 year'])('rejects %p', (every) => {
    expect(parseRecurrence(every)).toBeNull();
  });
});

describe('nextRecurrenceDueDate', () => {
  it('every year: each year end after the given date', () => {
    const yearly = { unit: 'year', count: 1 } as const;
    expect(nextRecurrenceDueDate(yearly, '2023-01-01', '2023-06-01')).toBe('2023-12-31');
    expect(nextRecurrenceDueDate(yearly, '2023-01-01', '2023-12-31')).toBe('2024-12-31');
  });

  it('every 2 / 5 years counts from the anchor year', () => {
    expect(nextRecurrenceDueDate({ unit: 'year', count: 2 }, '2023-01-01', '2023-06-01')).toBe('2024-12-31');
    expect(nextRecurrenceDueDate({ unit: 'year', count: 2 }, '2023-01-01', '2025-01-01')).toBe('2026-12-31');
    expect(nextRecurrenceDueDate({ unit: 'year', count: 5 }, '2023-03-01', '2023-03-01')).toBe('2027-12-31');
  });

  it('months, quarters and half years end on period ends', () => {
    expect(nextRecurrenceDueDate({ unit: 'month', count: 1 }, '2025-01-15', '2025-02-28')).toBe('2025-03-31');
    expect(nextRecurrenceDueDate({ unit: 'month', count: 1 }, '2025-01-15', '2025-01-20')).toBe('2025-01-31');
    expect(nextRecurrenceDueDate({ unit: 'quarter', count: 1 }, '2025-01-15', '2025-04-01')).toBe('2025-06-30');
    expect(nextRecurrenceDueDate({ unit: 'half_year', count: 1 }, '2025-02-01', '2025-06-30')).toBe('2025-12-31');
  });

  it('weeks end on Sundays; days are daily', () => {
    // 2025-03-05 is a Wednesday; the first Sunday is 03-09.
    expect(nextRecurrenceDueDate({ unit: 'week', count: 1 }, '2025-03-05', '2025-03-05')).toBe('2025-03-09');
    expect(nextRecurrenceDueDate({ unit: 'week', count: 1 }, '2025-03-05', '2025-03-09')).toBe('2025-03-16');
    expect(nextRecurrenceDueDate({ unit: 'week', count: 2 }, '2025-03-05', '2025-03-05')).toBe('2025-03-16');
    expect(nextRecurrenceDueDate({ unit: 'day', count: 1 }, '2025-03-05', '2025-03-10')).toBe('2025-03-11');
  });
});
