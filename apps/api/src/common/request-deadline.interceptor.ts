import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { SSE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { throwError, type Observable } from 'rxjs';
import { timeout } from 'rxjs/operators';
import { DUBAN_CONFIG, type DubanConfig } from '@duban/config';
import { ServiceError } from '@duban/services';

/**
 * No request goes unanswered: a handler still running after REQUEST_TIMEOUT_MS
 * (a dependency that hangs instead of refusing) answers 503 with Retry-After. The
 * handler's own bounds (database, Redis, the Update call) normally answer first;
 * event streams are long-lived by design and exempt.
 */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  constructor(
    @Inject(DUBAN_CONFIG) private readonly config: DubanConfig,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || this.reflector.get<boolean | undefined>(SSE_METADATA, context.getHandler())) return next.handle();
    const ms = this.config.requestTimeoutMs;
    return next.handle().pipe(
      timeout({
        first: ms,
        with: () => throwError(() => new ServiceError('unavailable', `请求未能在 ${Math.round(ms / 1000)} 秒内完成（依赖的服务无响应），请稍后重试`, { retryAfterSeconds: 5 })),
      }),
    );
  }
}
