import { ServiceError } from './service-errors';

/**
 * Counting every matching row can cost more than the page (33,000 overdue rows
 * to show 50): totals stop at this many, answered with `totalCapped: true` (the
 * console shows "1000+"). Counting 1,001 overdue rows of 100,000 costs about as
 * much as the page itself (≈1.5 ms); 10,001 cost ≈14 ms, ten pages' worth, and
 * kept the overdue list's first page at ≈70 ms under ten concurrent supervisors.
 */
export const TOTAL_CAP = 1_000;

/** A page of a list: offset pagination as before, plus a keyset cursor for the next page. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Exact, or TOTAL_CAP when `totalCapped`. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** Present only when the count stopped at TOTAL_CAP. */
  readonly totalCapped?: true;
  /** Pass as `cursor` for the page after this one (null: this is the last page). */
  readonly nextCursor?: string | null;
}

/**
 * The count of the rows `fromWhere` ("table alias WHERE …") matches, up to TOTAL_CAP + 1 only (a LIMIT inside the
 * count lets PostgreSQL stop early); embedded in a page's statement, it shares that statement's placeholders.
 */
export function cappedCountSql(fromWhere: string): string {
  return `SELECT count(*)::int FROM (SELECT 1 FROM ${fromWhere} LIMIT ${TOTAL_CAP + 1}) capped`;
}

/** A count made up to TOTAL_CAP + 1 as a page's total. */
export function cappedTotal(counted: number): { total: number; totalCapped?: true } {
  return counted > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: counted };
}

/** What a keyset cursor holds: the sort it belongs to, the last row's sort value (as PostgreSQL text) and its tie-breaker. */
export interface Cursor {
  readonly sort: string;
  readonly value: string | null;
  readonly tieBreaker: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.tieBreaker]), 'utf8').toString('base64url');
}

/** A cursor for `sort`, or a Chinese invalid_input error (tampered, or made for another sort). */
export function decodeCursor(text: string, sort: string): Cursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'string' || (parsed[1] !== null && typeof parsed[1] !== 'string') || typeof parsed[2] !== 'string') {
    throw new ServiceError('invalid_input', '分页游标（cursor）无效，请从第一页重新查询', { reason: 'invalid_cursor' });
  }
  if (parsed[0] !== sort) throw new ServiceError('invalid_input', '分页游标（cursor）属于另一种排序，请从第一页重新查询', { reason: 'invalid_cursor' });
  return { sort: parsed[0], value: parsed[1] as string | null, tieBreaker: parsed[2] };
}
