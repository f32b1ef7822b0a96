import { compareBusinessDates, workingDaysBetween, type BusinessDate } from '@duban/calendar';
import type { AssignmentState } from '../assignment/assignment-state';

/** The fields of an assignment that lateness needs (the bulletin snapshot uses it). */
export type ScoredAssignment = Pick<AssignmentState, 'status' | 'dueDate' | 'completedDate' | 'closureRequest'>;

/**
 * Working days late at `asOf`: closed → due date to completion date; awaiting verification → to the
 * request date; still open → to `asOf`. 0 when on time.
 */
export function overdueWorkingDaysAt(
  assignment: Pick<ScoredAssignment, 'status' | 'dueDate' | 'completedDate' | 'closureRequest'>,
  asOf: BusinessDate,
): number {
  let reference: BusinessDate;
  if (assignment.status === 'closed') reference = assignment.completedDate ?? asOf;
  else if (assignment.status === 'closure_requested' && assignment.closureRequest) reference = assignment.closureRequest.date;
  else reference = asOf;
  if (compareBusinessDates(reference, assignment.dueDate) <= 0) return 0;
  return Math.max(0, workingDaysBetween(assignment.dueDate, reference));
}
