import type { NextFunction, Request, Response } from 'express';

/** The event-stream ticket taken out of the URL (see queryTokenMiddleware). */
export type RequestWithTicket = Request & { eventTicket?: string };

/**
 * EventSource cannot send headers: on the event stream only, `?ticket=` (a
 * one-minute ticket from POST /api/v1/events/tickets) — or, deprecated,
 * `?access_token=` — stands in for `Authorization: Bearer`. Both are taken out of
 * the URL before anything logs it (and the request logger redacts them anyway).
 */
export function queryTokenMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const url = new URL(request.originalUrl, 'http://localhost');
  const token = url.searchParams.get('access_token');
  const ticket = url.searchParams.get('ticket');
  if (token !== null || ticket !== null) {
    if (token !== null && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
    if (ticket !== null) (request as RequestWithTicket).eventTicket = ticket;
    url.searchParams.delete('access_token');
    url.searchParams.delete('ticket');
    const cleaned = `${url.pathname}${url.search}`;
    request.url = request.url.replace(/[?&](access_token|ticket)=[^&]*/g, (match) => (match.startsWith('?') ? '?' : '')).replace(/\?&/, '?').replace(/\?$/, '');
    request.originalUrl = cleaned;
  }
  next();
}
