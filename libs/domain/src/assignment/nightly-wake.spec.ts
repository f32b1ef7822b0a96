import { NIGHTLY_WAKE_WINDOW, nightlyWakeOffsetMs } from './nightly-wake';

describe('nightlyWakeOffsetMs', () => {
  const ids = Array.from({ length: 20_000 }, (_, index) => `00000000-0000-5000-8000-${String(index).padStart(12, '0')}`);

  it('stays inside 00:05–05:00: an offset of at most 4 h 54 min 59 s, in whole seconds', () => {
    const offsets = ids.map(nightlyWakeOffsetMs);
    // 00:05 + 295 minutes = 05:00; the last second of the window starts at 294 min 59 s.
    expect(Math.max(...offsets)).toBeLessThanOrEqual(294 * 60_000 + 59_000);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(offsets.every((offset) => offset % 1000 === 0)).toBe(true);
    expect(NIGHTLY_WAKE_WINDOW).toEqual({ from: '00:05', minutes: 295 });
  });

  it('is the same for the same assignment every time (replays and every worker agree)', () => {
    expect(nightlyWakeOffsetMs(ids[7]!)).toBe(nightlyWakeOffsetMs(`${ids[7]}`));
    expect(nightlyWakeOffsetMs('a')).toBe(nightlyWakeOffsetMs('a'));
  });

  it('spreads a plan over the whole window: each of its five hours gets a fair share, no minute a crowd', () => {
    const perHour = [0, 0, 0, 0, 0];
    const perMinute = new Map<number, number>();
    for (const id of ids) {
      const minute = Math.floor(nightlyWakeOffsetMs(id) / 60_000);
      perHour[Math.min(Math.floor(minute / 60), 4)]! += 1;
      perMinute.set(minute, (perMinute.get(minute) ?? 0) + 1);
    }
    // 20,000 over 295 minutes: ≈ 4,068 per full hour (3,729 in the 55-minute last one), ≈ 68 a minute.
    for (const count of perHour.slice(0, 4)) expect(count).toBeGreaterThan(3_600);
    expect(perHour[4]).toBeGreaterThan(3_200);
    expect(perMinute.size).toBe(295);
    expect(Math.max(...perMinute.values())).toBeLessThan(140);
  });

  it('differs between neighbouring ids (not one minute for a whole plan)', () => {
    const distinct = new Set(ids.slice(0, 100).map(nightlyWakeOffsetMs));
    expect(distinct.size).toBeGreaterThan(90);
  });
});
