import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { JsonObject } from '@duban/persistence';
import type { AuthenticatedRequest } from '../auth/authenticated-request';
import { AuditLogService, type NewAuditLogEntry } from './audit-log.service';
import { isAuditedMethod } from './audited-methods';
import { printable, summarizeBody } from './redact-body';

/**
 * Records every mutating request when its response has been sent. An Express
 * middleware installed first (by applySecurity), not a Nest interceptor, because
 * interceptors never see requests refused before the handler: a missing token
 * (401), a wrong role (403), throttling (429) or an oversized body (413).
 * Writing happens after the response; a failed write is logged, never answered.
 */
@Injectable()
export class AuditRecorder implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Audit');
  /** Writes still under way: shutdown waits for them before the database pool closes. */
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly auditLog: AuditLogService) {}

  readonly middleware = (request: Request, response: Response, next: NextFunction): void => {
    if (!isAuditedMethod(request.method)) return next();
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const entry = this.entryFor(request as AuthenticatedRequest, response, Number((process.hrtime.bigint() - started) / 1_000_000n));
      const write = this.auditLog
        .append(entry)
        .catch((error: unknown) => {
          this.logger.error(`could not write the audit log entry for ${entry.method} ${entry.path} (${entry.statusCode}): ${String(error)}`);
        })
        .finally(() => this.pending.delete(write));
      this.pending.add(write);
    });
    next();
  };

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }

  private entryFor(request: AuthenticatedRequest, response: Response, durationMs: number): NewAuditLogEntry {
    const route = (request.route as { path?: unknown } | undefined)?.path;
    const requestId = (request as { id?: unknown }).id ?? request.headers['x-request-id'];
    const multerFile = (request as { file?: { originalname?: string; size?: number } }).file;
    const bodySummary = summarizeBody(request.body);
    const withFile: JsonObject | null = multerFile ? { ...(bodySummary ?? {}), _file: { name: Buffer.from(multerFile.originalname ?? '', 'latin1').toString('utf8'), bytes: multerFile.size ?? 0 } } : bodySummary;
    return {
      requestId: requestId === undefined ? null : String(requestId).slice(0, 100),
      userId: request.auth?.actor.id ?? null,
      username: request.auth?.username ?? null,
      role: request.auth?.actor.role ?? null,
      method: request.method,
      path: request.originalUrl.split('?')[0].slice(0, 500),
      route: typeof route === 'string' ? route : null,
      params: Object.fromEntries(Object.entries((request.params as Record<string, string> | undefined) ?? {}).map(([key, value]) => [printable(key), printable(String(value)).slice(0, 500)])),
      bodySummary: withFile,
      statusCode: response.statusCode,
      durationMs,
      ip: request.ip ?? request.socket.remoteAddress ?? null,
      userAgent: request.headers['user-agent'] ? printable(request.headers['user-agent'].slice(0, 300)) : null,
    };
  }
}
