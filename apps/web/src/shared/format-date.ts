/**
 * Dates as Chinese readers write them: business dates (YYYY-MM-DD, already in
 * Asia/Shanghai) as 2026年6月30日, instants in Beijing time as 2026年6月30日 14:05.
 */
const BUSINESS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_ZONE = 'Asia/Shanghai';

export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const match = BUSINESS_DATE.exec(date);
  if (match) return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
  const instant = new Date(date);
  if (Number.isNaN(instant.getTime())) return date;
  const { year, month, day } = shanghaiParts(instant);
  return `${year}年${month}月${day}日`;
}

export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  const { year, month, day, hour, minute } = shanghaiParts(at);
  return `${year}年${month}月${day}日 ${hour}:${minute}`;
}

/** Today's business date in Asia/Shanghai (YYYY-MM-DD). */
export function shanghaiToday(now: Date = new Date()): string {
  return shanghaiDateString(now);
}

/** The Shanghai business date `days` calendar days after `date` (YYYY-MM-DD). */
export function addCalendarDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return shifted.toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const parse = (date: string) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}

function shanghaiDateString(at: Date): string {
  const { year, month, day } = shanghaiParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function shanghaiParts(at: Date): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: parts.hour ?? '00', minute: parts.minute ?? '00' };
}
