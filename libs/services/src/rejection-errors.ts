import { errorKindOf } from '@duban/domain';
import { ServiceError } from './service-errors';

type ServiceErrorKind = ServiceError['code'];
const SERVICE_KINDS: readonly string[] = ['not_found', 'invalid_document', 'invalid_input', 'conflict', 'unavailable', 'forbidden', 'unprocessable', 'payload_too_large', 'unsupported_media_type'];

/**
 * A domain rejection (or a recording failure) as a use-case error. Its kind — not allowed → forbidden (403),
 * a bad value → unprocessable (422), the state does not allow it → conflict (409), recording unavailable → 503 —
 * is the domain's ERROR_CATALOG entry for the code, never re-stated here.
 */
export function rejectionError(code: string, reason: string): ServiceError {
  const kind = errorKindOf(code, 'conflict');
  return new ServiceError(SERVICE_KINDS.includes(kind) ? (kind as ServiceErrorKind) : 'conflict', reason, { rejection: code });
}
