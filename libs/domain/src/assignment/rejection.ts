/** Why a command was refused. Codes are stable (for API errors and tests); reasons are for people. */
export type RejectionCode =
  // authorization
  | 'forbidden'
  | 'wrong_unit'
  // status
  | 'not_accepted'
  | 'already_accepted'
  | 'closure_pending'
  | 'no_closure_request'
  | 'no_extension_request'
  | 'extension_pending'
  | 'already_closed'
  | 'declined'
  | 'reassigned'
  | 'withdrawn'
  // payload
  | 'text_required'
  | 'reason_required'
  | 'invalid_percent'
  | 'invalid_value'
  | 'invalid_evidence'
  | 'invalid_actual'
  | 'actual_not_a_target'
  | 'actual_region_required'
  | 'actual_unit_mismatch'
  | 'invalid_text'
  | 'invalid_date'
  | 'date_not_after_due'
  | 'unit_required'
  | 'same_unit'
  | 'invalid_level'
  | 'level_already_reached'
  | 'not_overdue'
  // 改派 to a unit that already holds the same task (its own assignment exists)
  | 'reassign_to_holder'
  // 约谈 on an assignment neither overdue nor at the 约谈-proposed level, without an override reason
  | 'talk_not_due';

export interface Rejection {
  readonly ok: false;
  readonly code: RejectionCode;
  /** Chinese, suitable to show to the user. */
  readonly reason: string;
}

export function reject(code: RejectionCode, reason: string): Rejection {
  return { ok: false, code, reason };
}
