import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { from, of, type Observable } from 'rxjs';
import { catchError, finalize, mergeMap, tap } from 'rxjs/operators';
import { ServiceError } from '@duban/services';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { IdempotencyStore } from './idempotency.store';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on mutating requests: the first request with a key runs and
 * its answer is kept for 24 h; a retry with the same key (same user, method and
 * path) gets that answer again (header `Idempotent-Replayed: true`) without
 * acting twice. While the first is still running a retry gets 409; the same key
 * with a different body gets 422. A request that fails or runs out of time (503)
 * keeps nothing, so it may be retried. Requests without the header are untouched.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || request.method === 'GET') return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !KEY_PATTERN.test(key)) {
      throw new ServiceError('invalid_input', 'Idempotency-Key must be 1–200 visible ASCII characters', { fields: { 'Idempotency-Key': ['must be 1–200 visible ASCII characters'] } });
    }
    const path = request.originalUrl.split('?')[0];
    const scope = sha256(`${request.auth?.actor.id ?? 'anonymous'}\n${request.method}\n${path}\n${key}`);
    const file = (request as { file?: { buffer?: Buffer } }).file;
    const fingerprint = sha256(JSON.stringify(request.body ?? null) + (file?.buffer ? sha256(file.buffer) : ''));

    return from(this.claim(scope, fingerprint)).pipe(
      mergeMap((existing) => {
        if (existing === 'unavailable') return next.handle();
        if (existing !== null) {
          if (existing.fingerprint !== fingerprint) {
            throw new ServiceError('unprocessable', 'this Idempotency-Key was already used for a different request', { idempotencyKey: key });
          }
          if (existing.state === 'pending') throw new ServiceError('conflict', 'a request with this Idempotency-Key is still in progress; retry later', { idempotencyKey: key });
          response.setHeader('Idempotent-Replayed', 'true');
          return of(existing.body);
        }
        let answered = false;
        const release = () => this.store.release(scope).catch((releaseError: unknown) => this.logger.warn(`could not release an Idempotency-Key: ${String(releaseError)}`));
        return next.handle().pipe(
          tap((body) => {
            answered = true;
            this.store.complete(scope, fingerprint, body).catch((error: unknown) => this.logger.warn(`could not store the answer for an Idempotency-Key: ${String(error)}`));
          }),
          catchError((error: unknown) => {
            answered = true;
            void release();
            throw error;
          }),
          // Cut off without an answer (the request deadline): the key is free for the retry.
          finalize(() => {
            if (!answered) void release();
          }),
        );
      }),
    );
  }

  /** The key's record; 'unavailable' when Redis cannot be reached (the request then runs unprotected, logged). */
  private async claim(scope: string, fingerprint: string) {
    try {
      return await this.store.claim(scope, fingerprint);
    } catch (error) {
      this.logger.warn(`idempotency store unavailable, running the request without it: ${String(error)}`);
      return 'unavailable' as const;
    }
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The Idempotency-Key header of a request, if any. */
export function idempotencyKey(request: { headers: Record<string, string | string[] | undefined> }): string | undefined {
  const header = request.headers[IDEMPOTENCY_HEADER];
  return Array.isArray(header) ? header[0] : header;
}
