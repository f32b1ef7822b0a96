import { assessPace, expectedProgressShare } from './pace';

describe('expectedProgressShare (序时进度)', () => {
  it.each([
    ['2025-01-01', 0],
    ['2024-12-01', 0],
    ['2025-01-11', 0.1],
    ['2025-02-20', 0.5],
    ['2025-04-11', 1],
    ['2025-05-01', 1],
  ])('on %s the share of 2025-01-01 → 2025-04-11 (100 days) is %s', (asOf, share) => {
    expect(expectedProgressShare('2025-01-01', '2025-04-11', asOf)).toBeCloseTo(share, 10);
  });

  it('can count working days instead of calendar days', () => {
    // (2025-09-26, 2025-10-13] holds 7 working days (Sun 28, 29, 30, Oct 9, 10, Sat 11, 13); the
    // golden week adds calendar time but no working time.
    const calendar = expectedProgressShare('2025-09-26', '2025-10-13', '2025-10-08');
    const working = expectedProgressShare('2025-09-26', '2025-10-13', '2025-10-08', 'working');
    expect(calendar).toBeCloseTo(12 / 17, 10);
    expect(working).toBeCloseTo(3 / 7, 10);
  });

  it('treats a due date on or before the start as fully due from the due date on', () => {
    expect(expectedProgressShare('2025-05-01', '2025-05-01', '2025-04-01')).toBe(0);
    expect(expectedProgressShare('2025-05-01', '2025-05-01', '2025-05-01')).toBe(1);
    expect(expectedProgressShare('2025-05-01', '2025-04-01', '2025-04-15')).toBe(1);
    // A working-day period with no working days in it (inside the golden week).
    expect(expectedProgressShare('2025-10-02', '2025-10-05', '2025-10-03', 'working')).toBe(1);
  });
});

describe('assessPace', () => {
  const base = { startDate: '2025-01-01', dueDate: '2025-04-11', asOf: '2025-02-20' };

  it('is behind only when the lag exceeds the tolerance (default 10 points)', () => {
    expect(assessPace({ ...base, reportedPercent: 40 })).toEqual({ expectedPercent: 50, reportedPercent: 40, gap: 10, behind: false });
    expect(assessPace({ ...base, reportedPercent: 39.9 })).toMatchObject({ gap: 10.1, behind: true });
    expect(assessPace({ ...base, reportedPercent: 80 })).toMatchObject({ gap: -30, behind: false });
  });

  it('uses a custom tolerance', () => {
    expect(assessPace({ ...base, reportedPercent: 45, tolerancePercent: 0 }).behind).toBe(true);
    expect(assessPace({ ...base, reportedPercent: 50, tolerancePercent: 0 }).behind).toBe(false);
  });
});
