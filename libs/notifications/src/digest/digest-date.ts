/** China has one time zone and no daylight saving: Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Beijing calendar date (YYYY-MM-DD) of an instant: the day whose digest a message belongs to. */
export function digestDateOf(epochMs: number): string {
  return new Date(epochMs + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether the text is a real calendar date written YYYY-MM-DD. */
export function isDigestDate(date: string): boolean {
  const match = DATE_PATTERN.exec(date);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** 2025-03-04 → 2025年3月4日. */
export function chineseDate(date: string): string {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
