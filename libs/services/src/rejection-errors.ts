import type { RejectionCode } from '@duban/domain';
import { RECORDING_FAILURES } from '@duban/workflows';
import { ServiceError } from './service-errors';

const AUTHORIZATION: readonly RejectionCode[] = ['forbidden', 'wrong_unit'];
const PAYLOAD: readonly RejectionCode[] = [
  'text_required',
  'reason_required',
  'invalid_percent',
  'invalid_value',
  'invalid_evidence',
  'invalid_actual',
  'actual_not_a_target',
  'actual_region_required',
  'actual_unit_mismatch',
  'invalid_text',
  'invalid_date',
  'date_not_after_due',
  'unit_required',
  'same_unit',
  'invalid_level',
];

/**
 * A domain rejection as a use-case error: not allowed → forbidden (403), a bad
 * value → unprocessable (422), the assignment's state does not allow it → conflict (409);
 * a recording that failed for good → unprocessable (refused content) or unavailable (503).
 */
export function rejectionError(code: string, reason: string): ServiceError {
  // The rules allowed the action but recording it failed for good: nothing happened.
  if (code === RECORDING_FAILURES.unavailable) return new ServiceError('unavailable', reason, { rejection: code });
  if (code === RECORDING_FAILURES.refused) return new ServiceError('unprocessable', reason, { rejection: code });
  const rejection = code as RejectionCode;
  const kind = AUTHORIZATION.includes(rejection) ? 'forbidden' : PAYLOAD.includes(rejection) ? 'unprocessable' : 'conflict';
  return new ServiceError(kind, reason, { rejection: code });
}
