import type { RejectionCode } from '@duban/domain';
import { ServiceError } from './service-errors';

const AUTHORIZATION: readonly RejectionCode[] = ['forbidden', 'wrong_unit'];
const PAYLOAD: readonly RejectionCode[] = [
  'text_required',
  'reason_required',
  'invalid_percent',
  'invalid_value',
  'invalid_evidence',
  'invalid_date',
  'date_not_after_due',
  'unit_required',
  'same_unit',
  'invalid_level',
];

/**
 * A domain rejection as a use-case error: not allowed → forbidden (403), a bad
 * value → unprocessable (422), the assignment's state does not allow it → conflict (409).
 */
export function rejectionError(code: string, reason: string): ServiceError {
  const rejection = code as RejectionCode;
  const kind = AUTHORIZATION.includes(rejection) ? 'forbidden' : PAYLOAD.includes(rejection) ? 'unprocessable' : 'conflict';
  return new ServiceError(kind, reason, { rejection: code });
}
