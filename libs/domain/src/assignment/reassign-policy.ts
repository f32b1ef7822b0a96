import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from './assignment-status';
import { reject, type Rejection } from './rejection';

/** A unit's own assignment of the same task (same plan, task and region). */
export interface TaskHolder {
  readonly unitId: string;
  readonly status: AssignmentStatus;
}

/**
 * 改派 to a unit that already has its own assignment of this task is refused (`reassign_to_holder`), whatever
 * that assignment's status: merging two units' work silently would hide who answers for what, and the new
 * assignment would be the existing one (same key), so the 改派 would change nothing. The coordinator picks
 * another unit, or withdraws (撤销) this assignment and leaves the task with its holder.
 */
export function checkReassignTarget(toUnit: string, holders: readonly TaskHolder[]): { readonly ok: true } | Rejection {
  const unit = toUnit.trim();
  const holder = holders.find((entry) => entry.unitId === unit);
  if (!holder) return { ok: true };
  return reject(
    'reassign_to_holder',
    `“${unit}”已承担该任务（其任务状态：${ASSIGNMENT_STATUS_LABELS[holder.status] ?? holder.status}），不能改派给它；请改派给其他单位，或撤销本单位的任务`,
  );
}
