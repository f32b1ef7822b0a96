/**
 * Use-case errors with a stable code. The API maps them to HTTP statuses and the
 * CLI prints their message; neither re-states the rule that raised them.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid_document' | 'invalid_input' | 'conflict' | 'unavailable' | 'forbidden' | 'unprocessable' | 'payload_too_large' | 'unsupported_media_type',
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
