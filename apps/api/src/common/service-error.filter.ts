import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { isUnavailable } from '@duban/resilience';
import { ServiceError } from '@duban/services';

const STATUS_BY_CODE: Record<ServiceError['code'], number> = {
  not_found: HttpStatus.NOT_FOUND,
  invalid_document: HttpStatus.UNPROCESSABLE_ENTITY,
  invalid_input: HttpStatus.BAD_REQUEST,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  forbidden: HttpStatus.FORBIDDEN,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

/** Seconds a client should wait before retrying a 503, unless the error says otherwise. */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;
/** What a user reads when PostgreSQL, Redis or Temporal does not answer. */
export const UNAVAILABLE_MESSAGE = '服务暂时不可用（数据库、缓存或流程引擎无响应），请稍后重试';

/**
 * One error shape for every error: { statusCode, error, message, details? }. A
 * dependency that does not answer (PostgreSQL, Redis, Temporal: refused, lost,
 * timed out) is `unavailable` → 503 with Retry-After and a Chinese message, never 500.
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
    if (exception instanceof ServiceError) {
      const status = STATUS_BY_CODE[exception.code];
      if (exception.code === 'unavailable') response.setHeader('Retry-After', String(retryAfterOf(exception)));
      response.status(status).json({ statusCode: status, error: exception.code, message: exception.message, details: exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      response.status(exception.getStatus()).json({ statusCode: exception.getStatus(), error: HttpStatus[exception.getStatus()]?.toLowerCase() ?? 'error', message });
      return;
    }
    if (isUnavailable(exception)) {
      this.logger.warn(`dependency unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      response.setHeader('Retry-After', String(DEFAULT_RETRY_AFTER_SECONDS));
      response.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: 503, error: 'unavailable', message: UNAVAILABLE_MESSAGE });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, error: 'internal_error', message: 'internal error' });
  }
}

function retryAfterOf(error: ServiceError): number {
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : DEFAULT_RETRY_AFTER_SECONDS;
}
