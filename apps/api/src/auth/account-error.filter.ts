import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AccountError } from '@duban/accounts';
import { errorAnswerOf } from '../common/error-body';

/** AccountError in the API's one error shape (error-body.ts); a lock-out also sets Retry-After. */
@Catch(AccountError)
export class AccountErrorFilter implements ExceptionFilter {
  catch(exception: AccountError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const { body, retryAfterSeconds } = errorAnswerOf(exception);
    if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }
}
