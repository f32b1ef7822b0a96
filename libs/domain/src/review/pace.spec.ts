import { assessPace, classifyPace, expectedProgressShare, isLaggingPace, paceLabel } from './pace';

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

describe('classifyPace (序时进度 classes)', () => {
  // 2026-01-01 → 2026-12-31 (364 days); on 2026-07-02 182 days have passed: 50 %.
  const base = { status: 'in_progress', startDate: '2026-01-01', dueDate: '2026-12-31', asOf: '2026-07-02' } as const;

  it.each([
    [{ reportedPercent: 100 }, 'completed'],
    [{ status: 'closed', reportedPercent: 40 }, 'completed'],
    [{ status: 'closure_requested', reportedPercent: null }, 'completed'],
    [{ reportedPercent: null }, 'not_started'],
    [{ reportedPercent: 0 }, 'not_started'],
    [{ status: 'pending_acceptance', reportedPercent: null }, 'not_started'],
    [{ reportedPercent: 60 }, 'ahead'],
    [{ reportedPercent: 59.9 }, 'on_pace'],
    [{ reportedPercent: 40 }, 'on_pace'],
    [{ reportedPercent: 39.9 }, 'behind'],
  ] as const)('%o → %s with default thresholds (ahead at +10, behind beyond −10)', (overrides, pace) => {
    expect(classifyPace({ ...base, ...overrides })?.pace).toBe(pace);
  });

  it('reports the expected and judged percent', () => {
    expect(classifyPace({ ...base, reportedPercent: 30 })).toEqual({ pace: 'behind', expectedPercent: 50, progressPercent: 30, basis: 'percent' });
  });

  it('judges a numeric target by actual / target rather than the reported percent', () => {
    expect(classifyPace({ ...base, reportedPercent: 10, actual: 12, target: 20 })).toEqual({ pace: 'ahead', expectedPercent: 50, progressPercent: 60, basis: 'actual' });
    expect(classifyPace({ ...base, reportedPercent: 90, actual: 20, target: 20 })?.pace).toBe('completed');
  });

  it('takes per-plan thresholds', () => {
    expect(classifyPace({ ...base, reportedPercent: 45 }, { behindTolerancePercent: 0 })?.pace).toBe('behind');
    expect(classifyPace({ ...base, reportedPercent: 52 }, { aheadMarginPercent: 2 })?.pace).toBe('ahead');
  });

  it('gives no class to assignments that owe nothing', () => {
    for (const status of ['withdrawn', 'reassigned', 'declined']) expect(classifyPace({ ...base, status, reportedPercent: 50 })).toBeNull();
  });

  it('calls 未启动 lagging only once the 序时进度 exceeds the tolerance; 欠进度 always', () => {
    const early = classifyPace({ ...base, asOf: '2026-01-20', reportedPercent: null })!;
    expect(early.pace).toBe('not_started');
    expect(isLaggingPace(early)).toBe(false);
    expect(isLaggingPace(classifyPace({ ...base, reportedPercent: null })!)).toBe(true);
    expect(isLaggingPace(classifyPace({ ...base, reportedPercent: 30 })!)).toBe(true);
    expect(isLaggingPace(classifyPace({ ...base, reportedPercent: 45 })!)).toBe(false);
    expect(paceLabel('behind')).toBe('欠进度');
  });
});

describe('classifyPace from per-target actuals (worst metric of the year judged)', () => {
  // A three-year assignment with annual targets; 2026-07-02 is 182 of 364 days into 2026 (50 %).
  const base = { status: 'in_progress', startDate: '2025-03-01', dueDate: '2027-12-31', asOf: '2026-07-02', reportedPercent: 90 } as const;
  const beds = '新增家庭养老床位（张）';
  const clinics = '新增社区医院（家）';
  const target = (metric: string, year: number, value: number, actual?: number) => ({ metric, unit: null, year, region: null, target: value, ...(actual !== undefined ? { actual } : {}) });

  it('takes the worst metric of the current year against the year elapsed, not the reported percent', () => {
    // beds 60/100 = 60 %, clinics 3/10 = 30 % → worst 30 %; 2026 half gone (50 %) → gap 20 > 10: 欠进度.
    const targets = [target(beds, 2025, 50, 50), target(beds, 2026, 100, 60), target(clinics, 2026, 10, 3), target(beds, 2027, 150)];
    expect(classifyPace({ ...base, targets })).toEqual({ pace: 'behind', expectedPercent: 50, progressPercent: 30, basis: 'targets' });
  });

  it('counts a metric of the year with no actual as 0 once any metric of that year has one', () => {
    const targets = [target(beds, 2026, 100, 100), target(clinics, 2026, 10)];
    expect(classifyPace({ ...base, targets })).toMatchObject({ pace: 'not_started', progressPercent: 0, basis: 'targets' });
  });

  it('reaching a year target before the last year is 超进度, not 已完成; in the last year it is 已完成', () => {
    expect(classifyPace({ ...base, targets: [target(beds, 2026, 100, 120), target(beds, 2027, 150)] })).toMatchObject({ pace: 'ahead', progressPercent: 100 });
    expect(classifyPace({ ...base, asOf: '2027-03-01', targets: [target(beds, 2026, 100, 100), target(beds, 2027, 150, 150)] })).toMatchObject({ pace: 'completed', progressPercent: 100 });
  });

  it('judges the reported percent when the year judged has no actual, or every target lies ahead', () => {
    const noActual = classifyPace({ ...base, targets: [target(beds, 2025, 50, 50), target(beds, 2026, 100)] });
    expect(noActual).toMatchObject({ progressPercent: 90, basis: 'percent' });
    expect(classifyPace({ ...base, asOf: '2025-06-01', targets: [target(beds, 2026, 100, 10)] })).toMatchObject({ progressPercent: 90, basis: 'percent' });
  });

  it('after the last target year judges that year, fully elapsed', () => {
    const late = classifyPace({ ...base, dueDate: '2026-12-31', asOf: '2027-02-01', targets: [target(beds, 2026, 100, 95)] });
    // 95 % against 100 % expected: gap 5 ≤ 10 → 达进度.
    expect(late).toEqual({ pace: 'on_pace', expectedPercent: 100, progressPercent: 95, basis: 'targets' });
  });

  it('clips the year to the assignment period (first year starts on the start date)', () => {
    // 2025-03-01 → 2025-12-31 is 305 days; 2025-08-01 is 153 days in: 50.2 %.
    const first = classifyPace({ ...base, asOf: '2025-08-01', targets: [target(beds, 2025, 50, 20), target(beds, 2026, 100)] });
    expect(first).toEqual({ pace: 'behind', expectedPercent: 50.2, progressPercent: 40, basis: 'targets' });
  });

  it('leaves out targets of 0 or less', () => {
    expect(classifyPace({ ...base, targets: [target(beds, 2026, 0, 0), target(clinics, 2026, 10, 5)] })).toMatchObject({ pace: 'on_pace', progressPercent: 50 });
  });
});
