const BUSINESS_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A business date (YYYY-MM-DD, Asia/Shanghai) as Chinese readers write it: 2026-06-30 → 2026年6月30日. Every text
 * the domain writes for people (light reasons, notices) formats its dates here, once; anything that is not such a
 * date comes back unchanged, so a malformed payload still reads as what it was.
 */
export function chineseDate(date: string): string {
  const match = BUSINESS_DATE.exec(date);
  return match ? `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日` : date;
}
