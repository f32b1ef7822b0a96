import { HttpException, HttpStatus } from '@nestjs/common';
import { AccountError } from '@duban/accounts';
import { chineseMessageOf, DomainError, isWellFormedCode, type ErrorKind } from '@duban/domain';
import { isUnavailable } from '@duban/resilience';
import { ServiceError } from '@duban/services';
import { httpStatusOf, kindOfHttpStatus } from './error-status.table';

/** The one error body: `error` the coarse kind (kept for compatibility), `code` the stable machine code, `message` Chinese. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** An error as the API answers it, plus the Retry-After seconds of a 503 or a lock-out. */
export interface ErrorAnswer {
  readonly body: ErrorBody;
  readonly retryAfterSeconds?: number;
  /** True when nothing known raised it (logged as a server fault). */
  readonly unexpected?: boolean;
}

/** Seconds a client should wait before retrying a 503, unless the error says otherwise. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * Any thrown value as the API's error answer. The code is, in order: a DomainError's code; a ServiceError's
 * `details.reason` (raised with a specific code, e.g. `unit_unresolved`) or `details.rejection` (a domain
 * RejectionCode); an AccountError's code; else the kind. The message is Chinese (chineseMessageOf).
 */
export function errorAnswerOf(exception: unknown): ErrorAnswer {
  if (exception instanceof DomainError) return answer(exception.code, exception.kind, exception.message, exception.details, exception.kind === 'unavailable');
  if (exception instanceof ServiceError) {
    const specific = exception.details?.reason ?? exception.details?.rejection;
    const code = isWellFormedCode(specific) ? specific : exception.code;
    return answer(code, exception.code, exception.message, exception.details, exception.code === 'unavailable');
  }
  if (exception instanceof AccountError) {
    const kind: ErrorKind = exception.code === 'not_found' ? 'not_found' : exception.code === 'conflict' ? 'conflict' : exception.code === 'invalid_input' ? 'invalid_input' : 'unauthorized';
    const result = answer(exception.code, kind, exception.message, exception.details, true);
    // Accounts answer with their own code in `error` (as they always have).
    return { ...result, body: { ...result.body, error: exception.code } };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const kind = kindOfHttpStatus(status);
    const response = exception.getResponse();
    const raw = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
    const text = Array.isArray(raw) ? raw.map(String).join('; ') : String(raw);
    const code = status === HttpStatus.NOT_FOUND && /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(text) ? 'route_not_found' : kind;
    return { body: { statusCode: status, error: legacyErrorOf(status, kind), code, message: chineseMessageOf(code, kind, text) } };
  }
  if (isUnavailable(exception)) {
    return { body: { statusCode: 503, error: 'unavailable', code: 'unavailable', message: chineseMessageOf('unavailable', 'unavailable', undefined) }, retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS };
  }
  return { body: { statusCode: 500, error: 'internal_error', code: 'internal_error', message: chineseMessageOf('internal_error', 'internal_error', undefined) }, unexpected: true };
}

function answer(code: string, raisedAs: ErrorKind, message: string, details: Readonly<Record<string, unknown>> | undefined, withRetryAfter: boolean): ErrorAnswer {
  const statusCode = httpStatusOf(code, raisedAs);
  const kind = kindOfHttpStatus(statusCode) === raisedAs ? raisedAs : kindOfHttpStatus(statusCode);
  const body: ErrorBody = { statusCode, error: raisedAs === 'invalid_document' ? raisedAs : kind, code, message: chineseMessageOf(code, kind, message), ...(details ? { details } : {}) };
  const seconds = details?.retryAfterSeconds;
  if (statusCode === 503) return { body, retryAfterSeconds: typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS };
  if (withRetryAfter && typeof seconds === 'number') return { body, retryAfterSeconds: seconds };
  return { body };
}

/** The coarse `error` word Nest's own exceptions always carried (e.g. 'payload_too_large', 'too_many_requests'). */
function legacyErrorOf(status: number, kind: ErrorKind): string {
  return HttpStatus[status]?.toLowerCase() ?? kind;
}
