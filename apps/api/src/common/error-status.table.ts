import { HttpStatus } from '@nestjs/common';
import { errorKindOf, type ErrorKind } from '@duban/domain';

/**
 * The one table from an error's kind to its HTTP status. Every code has a kind in the domain's
 * ERROR_CATALOG (libs/domain/src/errors), so a code's status is HTTP_STATUS_BY_KIND[kind]; a code the
 * catalog does not know keeps the status of the kind it was raised with.
 *
 * Choices: a rule refusing an action because of the assignment's or the plan's state is 409 (conflict:
 * `reassign_to_holder`, `talk_not_due`, `not_overdue`); a value the rules refuse is 422; a malformed request 400.
 */
export const HTTP_STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid_input: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  invalid_document: HttpStatus.UNPROCESSABLE_ENTITY,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal_error: HttpStatus.INTERNAL_SERVER_ERROR,
};

/** The HTTP status of an error code (see above). */
export function httpStatusOf(code: string, raisedAs: ErrorKind): number {
  return HTTP_STATUS_BY_KIND[errorKindOf(code, raisedAs)];
}

/** The kind of a status Nest or Express raised on its own (a 404 route, 413 body, 429 throttle…). */
export function kindOfHttpStatus(status: number): ErrorKind {
  const entry = Object.entries(HTTP_STATUS_BY_KIND).find(([kind, value]) => value === status && kind !== 'invalid_document');
  if (entry) return entry[0] as ErrorKind;
  if (status >= 500) return 'internal_error';
  return 'invalid_input';
}
