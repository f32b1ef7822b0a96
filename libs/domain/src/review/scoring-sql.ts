import { workingDaysBetweenSql } from '@duban/calendar';
import type { StandingSqlAt, StandingSqlColumns } from './standing-sql-input';

/**
 * overdueWorkingDaysAt(state, asOf) in SQL: working days from the due date to the completion date (closed), the
 * closure request's date (closure requested) or asOf, never negative.
 */
export function overdueWorkingDaysAtSql(columns: StandingSqlColumns, at: StandingSqlAt): string {
  const closed = `${columns.status} = 'closed'`;
  const requested = `(${columns.status} = 'closure_requested' AND ${columns.hasClosureRequest})`;
  const reference = `(CASE WHEN ${closed} THEN COALESCE(${columns.completedDate}, ${at.asOf}) WHEN ${requested} THEN ${columns.closureRequestDate} ELSE ${at.asOf} END)`;
  const referenceSeq =
    `(CASE WHEN ${closed} THEN (CASE WHEN ${columns.completedDate} IS NULL THEN ${at.asOfSeq} ELSE ${columns.completedSeq} END)` +
    ` WHEN ${requested} THEN ${columns.closureRequestSeq} ELSE ${at.asOfSeq} END)`;
  return `(CASE WHEN ${reference} <= ${columns.dueDate} THEN 0 ELSE greatest(0, ${workingDaysBetweenSql(columns.dueSeq, referenceSeq)}) END)`;
}
