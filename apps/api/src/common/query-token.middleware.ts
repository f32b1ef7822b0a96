import type { NextFunction, Request, Response } from 'express';

/**
 * EventSource cannot send headers: on the event stream only, `?access_token=`
 * stands in for `Authorization: Bearer`. The token is moved into the header
 * (where the global guard reads it and the logger redacts it) and removed from
 * the URL, so it is never written to request logs.
 */
export function queryTokenMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const url = new URL(request.originalUrl, 'http://localhost');
  const token = url.searchParams.get('access_token');
  if (token !== null) {
    if (!request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
    url.searchParams.delete('access_token');
    const cleaned = `${url.pathname}${url.search}`;
    request.url = request.url.replace(/[?&]access_token=[^&]*/, (match) => (match.startsWith('?') ? '?' : '')).replace(/\?&/, '?').replace(/\?$/, '');
    request.originalUrl = cleaned;
  }
  next();
}
