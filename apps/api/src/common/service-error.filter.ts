import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { errorAnswerOf } from './error-body';

export { DEFAULT_RETRY_AFTER_SECONDS } from './error-body';

/**
 * One error shape for every error: { statusCode, error, code, message, details? } (see error-body.ts):
 * `code` a stable snake_case code, `message` Chinese. A dependency that does not answer (PostgreSQL, Redis,
 * Temporal: refused, lost, timed out) is `unavailable` → 503 with Retry-After, never 500.
 */
@Catch()
export class ServiceErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ServiceErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      // A stream (SSE) that already answered: nothing more can be said on it.
      response.end();
      return;
    }
    const { body, retryAfterSeconds, unexpected } = errorAnswerOf(exception);
    if (unexpected) this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    else if (body.statusCode === 503) this.logger.warn(`dependency unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }
}
