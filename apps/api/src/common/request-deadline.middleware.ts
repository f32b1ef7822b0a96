import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ServiceError } from '@duban/services';
import { errorAnswerOf } from './error-body';

const logger = new Logger('RequestDeadline');

/**
 * No request goes unanswered: one still unanswered after `ms` (a dependency that hangs instead of refusing)
 * answers 503 with Retry-After in the one error shape. The handler's own bounds (database, Redis, the Update
 * call) normally answer first; whatever it says after the deadline is dropped (the error filter sees the
 * answer already sent). A response that has started (an event stream, a streamed download) is left alone.
 *
 * An Express middleware with one timer, not a Nest interceptor: the interceptor put every request through
 * Nest's interceptor chain (rxjs, an async-context bind, an rxjs timer), about a tenth of a list request's CPU.
 */
export function requestDeadline(ms: number): RequestHandler {
  return (_request: Request, response: Response, next: NextFunction) => {
    const timer = setTimeout(() => {
      if (response.headersSent) return;
      const error = new ServiceError('unavailable', `请求未能在 ${Math.round(ms / 1000)} 秒内完成（依赖的服务无响应），请稍后重试`, { retryAfterSeconds: 5 });
      const { body, retryAfterSeconds } = errorAnswerOf(error);
      logger.warn(`dependency unavailable: ${error.message}`);
      if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
      response.status(body.statusCode).json(body);
    }, ms);
    const clear = () => clearTimeout(timer);
    response.once('finish', clear);
    response.once('close', clear);
    next();
  };
}
