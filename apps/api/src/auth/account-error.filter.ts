import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AccountError, type AccountErrorCode } from '@duban/accounts';

const STATUS_BY_CODE: Record<AccountErrorCode, number> = {
  invalid_credentials: HttpStatus.UNAUTHORIZED,
  invalid_token: HttpStatus.UNAUTHORIZED,
  account_locked: HttpStatus.TOO_MANY_REQUESTS,
  account_disabled: HttpStatus.FORBIDDEN,
  wrong_password: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  invalid_input: HttpStatus.BAD_REQUEST,
};

/** AccountError in the API's one error shape {statusCode, error, message, details?}; a lock-out also sets Retry-After. */
@Catch(AccountError)
export class AccountErrorFilter implements ExceptionFilter {
  catch(exception: AccountError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const statusCode = STATUS_BY_CODE[exception.code];
    const retryAfter = exception.details?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    response.status(statusCode).json({ statusCode, error: exception.code, message: exception.message, details: exception.details });
  }
}
