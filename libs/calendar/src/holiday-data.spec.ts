import { hasOfficialData, officialDayOf, YEARS_WITH_OFFICIAL_DATA } from './holiday-data';

describe('official holiday data (chinese-days)', () => {
  it('covers 2004 through at least 2026', () => {
    expect(YEARS_WITH_OFFICIAL_DATA[0]).toBe(2004);
    for (let year = 2004; year <= 2026; year++) expect(hasOfficialData(year)).toBe(true);
    expect(hasOfficialData(2003)).toBe(false);
  });

  it('lists the years in ascending order without gaps', () => {
    const years = [...YEARS_WITH_OFFICIAL_DATA];
    years.forEach((year, index) => expect(year).toBe(2004 + index));
  });

  it('names the festival of holidays and make-up days', () => {
    expect(officialDayOf('2025-10-01')).toEqual({ kind: 'public_holiday', festival: '国庆节', inLieu: false });
    expect(officialDayOf('2025-10-06')).toEqual({ kind: 'public_holiday', festival: '中秋', inLieu: false });
    expect(officialDayOf('2025-10-08')).toEqual({ kind: 'public_holiday', festival: '国庆节', inLieu: true });
    expect(officialDayOf('2025-09-28')).toEqual({ kind: 'makeup_workday', festival: '国庆节', inLieu: false });
    expect(officialDayOf('2026-02-14')).toEqual({ kind: 'makeup_workday', festival: '春节', inLieu: false });
    expect(officialDayOf('2025-10-13')).toBeUndefined();
  });
});
