import { DEFAULT_REVIEW_SETTINGS, periodCutOff, resolveReviewSettings, validateReviewSettings } from './review-settings';

describe('review settings (per-plan data)', () => {
  it('defaults to half-year bulletins on 06-30 and 12-31 and an annual assessment on 12-31', () => {
    expect(resolveReviewSettings(undefined)).toEqual(DEFAULT_REVIEW_SETTINGS);
    expect(DEFAULT_REVIEW_SETTINGS.periods).toEqual([
      { kind: 'half_year', month: 6, day: 30 },
      { kind: 'half_year', month: 12, day: 31 },
      { kind: 'annual', month: 12, day: 31 },
    ]);
  });

  it('lays stored values over the defaults', () => {
    const resolved = resolveReviewSettings({ pace: { behindTolerancePercent: 5 }, rubric: { talkPoints: 8 }, publishRankings: true });
    expect(resolved.pace).toEqual({ aheadMarginPercent: 10, behindTolerancePercent: 5, basis: 'calendar' });
    expect(resolved.rubric.talkPoints).toBe(8);
    expect(resolved.rubric.baseScore).toBe(100);
    expect(resolved.publishRankings).toBe(true);
    expect(resolved.periods).toBe(DEFAULT_REVIEW_SETTINGS.periods);
  });

  it('names every problem in Chinese', () => {
    expect(validateReviewSettings(DEFAULT_REVIEW_SETTINGS)).toEqual([]);
    const problems = validateReviewSettings({
      periods: [
        { kind: 'half_year', month: 2, day: 30 },
        { kind: 'weekly' as 'annual', month: 13, day: 1 },
        { kind: 'half_year', month: 2, day: 30 },
      ],
      pace: { behindTolerancePercent: -1, basis: 'hours' as 'calendar' },
      rubric: { baseScore: '100' as unknown as number },
      catchupWindowDays: 1.5,
    });
    expect(problems).toEqual([
      '第1个考评周期的日期不存在',
      '第2个考评周期的类型只能是半年通报（half_year）或年度考核（annual）',
      '第2个考评周期的月份须为1至12的整数',
      '第3个考评周期的日期不存在',
      '考评周期有重复',
      '欠进度容差须在0至100个百分点之间',
      '序时进度口径只能是自然日（calendar）或工作日（working）',
      '考核细则的基础分须为0至1000之间的数值',
      '补跑窗口须为0至60天的整数',
    ]);
  });

  it('gives the cut-off of a period in a year', () => {
    expect(periodCutOff({ kind: 'half_year', month: 6, day: 30 }, 2026)).toBe('2026-06-30');
    expect(periodCutOff({ kind: 'annual', month: 2, day: 29 }, 2026)).toBe('2026-02-28');
    expect(periodCutOff({ kind: 'annual', month: 2, day: 29 }, 2028)).toBe('2028-02-29');
  });
});
