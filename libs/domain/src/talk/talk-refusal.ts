/** Why a step of a talk's course (or opening one) was refused. Codes are stable; messages Chinese. */
export type TalkErrorCode =
  | 'talk_transition_not_allowed'
  | 'talk_version_stale'
  | 'talk_already_open'
  | 'talk_assignment_not_eligible'
  | 'talk_text_required'
  | 'talk_text_too_long'
  | 'talk_schedule_invalid'
  | 'talk_target_invalid'
  | 'talk_held_at_invalid'
  | 'talk_rectify_by_invalid';

export interface TalkRefusal {
  readonly ok: false;
  readonly code: TalkErrorCode | 'forbidden' | 'wrong_unit';
  /** Chinese, shown to the user. */
  readonly reason: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function refuseTalk(code: TalkRefusal['code'], reason: string, details?: Readonly<Record<string, unknown>>): TalkRefusal {
  return details ? { ok: false, code, reason, details } : { ok: false, code, reason };
}
