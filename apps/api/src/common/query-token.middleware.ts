import type { NextFunction, Request, Response } from 'express';

/** The event-stream ticket taken out of the URL (see queryTokenMiddleware). */
export type RequestWithTicket = Request & { eventTicket?: string };

/**
 * EventSource cannot send headers: on the event stream only, `?ticket=` (a
 * one-minute ticket from POST /api/v1/events/tickets, good for the stream and
 * nothing else) stands in for `Authorization: Bearer`. Access tokens never ride in
 * a URL: `?access_token=` is not read. The ticket is taken out of the URL before
 * anything logs it (and the request logger redacts it anyway).
 */
export function queryTokenMiddleware(request: Request, _response: Response, next: NextFunction): void {
  const url = new URL(request.originalUrl, 'http://localhost');
  const ticket = url.searchParams.get('ticket');
  if (ticket !== null) {
    (request as RequestWithTicket).eventTicket = ticket;
    url.searchParams.delete('ticket');
    request.url = request.url.replace(/[?&]ticket=[^&]*/g, (match) => (match.startsWith('?') ? '?' : '')).replace(/\?&/, '?').replace(/\?$/, '');
    request.originalUrl = `${url.pathname}${url.search}`;
  }
  next();
}
