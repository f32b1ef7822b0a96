import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ServiceError } from '@duban/services';

const STATUS_BY_CODE: Record<ServiceError['code'], number> = {
  not_found: HttpStatus.NOT_FOUND,
  invalid_document: HttpStatus.UNPROCESSABLE_ENTITY,
  invalid_input: HttpStatus.BAD_REQUEST,
  conflict: HttpStatus.CONFLICT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  forbidden: HttpStatus.FORBIDDEN,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** One error shape for every error: { statusCode, error, message, details? }. */
@Catch()
export class ServiceErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ServiceErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ServiceError) {
      response.status(STATUS_BY_CODE[exception.code]).json({ statusCode: STATUS_BY_CODE[exception.code], error: exception.code, message: exception.message, details: exception.details });
      return;
    }
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      const message = typeof body === 'string' ? body : ((body as { message?: unknown }).message ?? exception.message);
      response.status(exception.getStatus()).json({ statusCode: exception.getStatus(), error: HttpStatus[exception.getStatus()]?.toLowerCase() ?? 'error', message });
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, error: 'internal_error', message: 'internal error' });
  }
}
