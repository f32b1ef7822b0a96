/** Calendar period boundaries used by review cycles (半年通报, 年度考核) and report cadences. */
import { daysInMonth, formatBusinessDate, parseBusinessDate, type BusinessDate } from './business-date';

export type PeriodKind = 'month' | 'quarter' | 'half_year' | 'year';

export interface Period {
  readonly kind: PeriodKind;
  readonly start: BusinessDate;
  readonly end: BusinessDate;
}

/** How many months each period spans; periods are aligned to the calendar year. */
const PERIOD_MONTHS: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** The month/quarter/half-year/year that contains `date`. */
export function periodContaining(kind: PeriodKind, date: BusinessDate): Period {
  const { year, month } = parseBusinessDate(date);
  const length = PERIOD_MONTHS[kind];
  const firstMonth = Math.floor((month - 1) / length) * length + 1;
  const lastMonth = firstMonth + length - 1;
  return {
    kind,
    start: formatBusinessDate({ year, month: firstMonth, day: 1 }),
    end: formatBusinessDate({ year, month: lastMonth, day: daysInMonth(year, lastMonth) }),
  };
}

export function endOfMonth(date: BusinessDate): BusinessDate {
  return periodContaining('month', date).end;
}

export function endOfQuarter(date: BusinessDate): BusinessDate {
  return periodContaining('quarter', date).end;
}

/** 06-30 or 12-31 of the date's year. */
export function endOfHalfYear(date: BusinessDate): BusinessDate {
  return periodContaining('half_year', date).end;
}

export function endOfYear(date: BusinessDate): BusinessDate {
  return periodContaining('year', date).end;
}

export function startOfPeriod(kind: PeriodKind, date: BusinessDate): BusinessDate {
  return periodContaining(kind, date).start;
}

/** The half year of a year: 1 = Jan–Jun (上半年), 2 = Jul–Dec (下半年). */
export function halfYearPeriod(year: number, half: 1 | 2): Period {
  return half === 1
    ? { kind: 'half_year', start: `${year}-01-01`, end: `${year}-06-30` }
    : { kind: 'half_year', start: `${year}-07-01`, end: `${year}-12-31` };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', start: `${year}-01-01`, end: `${year}-12-31` };
}

/** True when start ≤ date ≤ end. */
export function isWithinPeriod(date: BusinessDate, period: Pick<Period, 'start' | 'end'>): boolean {
  parseBusinessDate(date);
  return period.start <= date && date <= period.end;
}
