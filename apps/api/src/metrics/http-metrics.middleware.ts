import type { NextFunction, Request, Response } from 'express';
import { httpRequestDuration, httpRequestsTotal, UNMATCHED_ROUTE } from './http-metrics';

/**
 * Counts and times every request when its response has been sent. Express
 * middleware installed first (by applySecurity), so refusals before the handler
 * (401, 403, 413, 429, 404) are counted too.
 */
export function httpMetricsMiddleware(request: Request, response: Response, next: NextFunction): void {
  const stopTimer = httpRequestDuration.startTimer();
  response.once('finish', () => {
    const route = (request.route as { path?: unknown } | undefined)?.path;
    const labels = { method: request.method, route: typeof route === 'string' ? route : UNMATCHED_ROUTE, status: String(response.statusCode) };
    httpRequestsTotal.inc(labels);
    stopTimer(labels);
  });
  next();
}
