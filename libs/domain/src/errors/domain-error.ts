import { ERROR_CATALOG, type ErrorCode, type ErrorKind } from './error-codes';

/**
 * A rule was broken: a stable `code` for machines, a Chinese `message` for people, optional `details`.
 * Raised by services calling the domain; the API maps the code to an HTTP status in one table.
 */
export class DomainError extends Error {
  readonly kind: ErrorKind;

  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CATALOG[code].message,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'DomainError';
    this.kind = ERROR_CATALOG[code].kind;
  }
}
