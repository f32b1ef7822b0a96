import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ServiceError } from './service-errors';

/**
 * Counting every matching row can cost more than the page (33,000 overdue rows
 * to show 50): totals stop at this many, answered with `totalCapped: true` (the
 * web shows "10,000+").
 */
export const TOTAL_CAP = 10_000;

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
 * The number of rows `query` matches, counted up to TOTAL_CAP + 1 only
 * (a LIMIT inside the count lets PostgreSQL stop early).
 */
export async function cappedCount<T extends ObjectLiteral>(dataSource: DataSource, query: SelectQueryBuilder<T>): Promise<{ total: number; totalCapped?: true }> {
  const [sql, parameters] = query.clone().select('1').orderBy().offset(undefined).limit(TOTAL_CAP + 1).getQueryAndParameters();
  const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) capped`, parameters)) as [{ n: number }];
  return n > TOTAL_CAP ? { total: TOTAL_CAP, totalCapped: true } : { total: n };
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
