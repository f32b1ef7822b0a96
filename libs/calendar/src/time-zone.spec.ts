import {
  endOfBusinessDay,
  endOfShanghaiDay,
  instantAfterDay,
  shanghaiDateOf,
  shanghaiDaysBetween,
  shanghaiInstant,
  startOfShanghaiDay,
} from './time-zone';

describe('Asia/Shanghai time helpers', () => {
  it('maps a UTC instant to the Shanghai calendar date (UTC+8)', () => {
    expect(shanghaiDateOf(Date.UTC(2025, 9, 1, 15, 59, 59, 999))).toBe('2025-10-01');
    expect(shanghaiDateOf(Date.UTC(2025, 9, 1, 16, 0, 0, 0))).toBe('2025-10-02');
    expect(shanghaiDateOf(new Date(Date.UTC(2025, 11, 31, 16)))).toBe('2026-01-01');
    expect(shanghaiDateOf(Date.UTC(2025, 0, 1, 0))).toBe('2025-01-01');
  });

  it('builds instants for wall-clock times in Shanghai', () => {
    expect(shanghaiInstant('2025-10-01')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(startOfShanghaiDay('2025-10-01')).toBe(Date.UTC(2025, 8, 30, 16));
    expect(endOfBusinessDay('2025-10-09')).toBe(Date.UTC(2025, 9, 9, 10));
    expect(shanghaiInstant('2025-10-09', '09:30')).toBe(Date.UTC(2025, 9, 9, 1, 30));
    expect(endOfShanghaiDay('2025-12-31')).toBe(Date.UTC(2025, 11, 31, 15, 59, 59, 999));
    expect(shanghaiInstant('2025-12-31', '24:00')).toBe(instantAfterDay('2025-12-31'));
    expect(instantAfterDay('2025-12-31')).toBe(Date.UTC(2025, 11, 31, 16));
  });

  it('round-trips: the instant of a date maps back to that date for any time of day', () => {
    for (const time of ['00:00', '07:59', '08:00', '18:00', '23:59:59.999']) {
      expect(shanghaiDateOf(shanghaiInstant('2026-02-28', time))).toBe('2026-02-28');
    }
  });

  it('rejects invalid clock times and instants', () => {
    expect(() => shanghaiInstant('2025-01-01', '25:00')).toThrow(RangeError);
    expect(() => shanghaiInstant('2025-01-01', '24:01')).toThrow(RangeError);
    expect(() => shanghaiInstant('2025-01-01', '9:00')).toThrow(RangeError);
    expect(() => shanghaiInstant('2025-01-01', '12:60')).toThrow(RangeError);
    expect(() => shanghaiDateOf(Number.NaN)).toThrow(RangeError);
  });

  it('counts Shanghai calendar days between instants', () => {
    expect(shanghaiDaysBetween(Date.UTC(2025, 0, 1, 15), Date.UTC(2025, 0, 1, 17))).toBe(1);
    expect(shanghaiDaysBetween(Date.UTC(2025, 0, 1, 17), Date.UTC(2025, 0, 1, 15))).toBe(-1);
    expect(shanghaiDaysBetween(Date.UTC(2025, 0, 1, 1), Date.UTC(2025, 0, 1, 14))).toBe(0);
  });
});
