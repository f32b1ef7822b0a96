import { ASSIGNMENT_SORTS, type AssignmentListQuery, type AssignmentSort } from '../../api/resources/assignments.api';

export const PAGE_SIZES = [20, 50, 100] as const;

/** The ledger's state lives in the URL (shareable, back-button friendly): parse it… */
export function ledgerQueryFrom(params: URLSearchParams): Required<Pick<AssignmentListQuery, 'limit' | 'offset' | 'sort'>> & AssignmentListQuery {
  const text = (key: string) => params.get(key)?.trim() || undefined;
  const int = (key: string) => {
    const value = Number(params.get(key));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const sort = params.get('sort');
  const overdue = params.get('overdue');
  const limit = int('pageSize') ?? 20;
  const page = int('page') ?? 1;
  return {
    planId: text('planId'),
    taskNumber: int('taskNumber'),
    unit: text('unit'),
    region: text('region'),
    status: text('status'),
    light: text('light'),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    dueFrom: text('dueFrom'),
    dueTo: text('dueTo'),
    text: text('text'),
    sort: (ASSIGNMENT_SORTS as readonly string[]).includes(sort ?? '') ? (sort as AssignmentSort) : 'dueDate',
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : 20,
    offset: (page - 1) * ((PAGE_SIZES as readonly number[]).includes(limit) ? limit : 20),
    // "下一页" carries the page's cursor (a keyset page costs the same at any depth; an offset grows with it).
    cursor: text('after'),
  };
}

/**
 * …and write changes back (a filter change returns to page 1). A cursor (`after`) belongs to the page it was given
 * for: any change that does not set it again drops it (a jump to another page goes by offset).
 */
export function withLedgerParams(params: URLSearchParams, change: Record<string, string | number | boolean | undefined | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined || value === null || value === '') next.delete(key);
    else next.set(key, String(value));
  }
  if (!('page' in change)) next.delete('page');
  if (!('after' in change)) next.delete('after');
  return next;
}
