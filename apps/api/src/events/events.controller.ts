import { Controller, HttpCode, HttpStatus, Logger, Post, Query, Sse, UsePipes, type MessageEvent, type OnModuleDestroy } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { Observable, type Subscriber } from 'rxjs';
import { AccessTokensService, UsersService } from '@duban/accounts';
import type { Actor } from '@duban/domain';
import { EventFeedService, readableUnits, ServiceError, type FeedEvent } from '@duban/services';
import { CurrentActor } from '../auth/current-actor.decorator';
import { dtoValidation } from '../common/validation';
import { ApiAnswer, ApiEventStream, object } from '../common/openapi-responses';
import { EventWakeups } from './event-wakeups.service';

/** How often each connection polls assignment_events while the Redis event signals are down. */
export const POLL_INTERVAL_MS = 1000;
/** While signals arrive, a connection still polls this often (every N ticks), in case one was lost. */
const SAFETY_POLL_EVERY_TICKS = 10;
/** Events are read again this far back (activities may commit an event a moment after it occurred); duplicates are dropped by id. */
const OVERLAP_MS = 10_000;
/** A replay (?since=) reaches back at most this far. */
const MAX_REPLAY_MS = 24 * 60 * 60 * 1000;
/** Open streams per API process. */
const MAX_STREAMS = 200;
const HEARTBEAT_EVERY_TICKS = 15;

export class EventStreamQueryDto {
  @ApiPropertyOptional({ description: 'replay events since this ISO 8601 time (at most 24 h back); default: from now' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'since must be an ISO 8601 time' })
  since?: string;

  /** Consumed by the query-token middleware (EventSource cannot send headers); listed here so validation accepts it. */
  @ApiPropertyOptional({ description: 'a one-minute ticket from POST /api/v1/events/tickets, for EventSource clients that cannot send an Authorization header' })
  @IsOptional()
  ticket?: string;
}

/**
 * Live assignment events as Server-Sent Events, limited to what the caller may
 * read (a unit's staff: their units' assignments). Each connection reads the
 * event log when a worker signals committed events through Redis (EventWakeups:
 * every API instance hears it), and every 10 s as a safety net (every second
 * while Redis is unreachable); bounded in connections, rows per poll and memory.
 */
@ApiTags('events')
@ApiBearerAuth()
@Controller('api/v1/events')
@UsePipes(dtoValidation())
export class EventsController implements OnModuleDestroy {
  private readonly logger = new Logger(EventsController.name);
  private readonly streams = new Set<Subscriber<MessageEvent>>();

  constructor(
    private readonly feed: EventFeedService,
    private readonly accessTokens: AccessTokensService,
    private readonly users: UsersService,
    private readonly wakeups: EventWakeups,
  ) {}

  @Post('tickets')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: 'A one-minute ticket that opens the event stream (GET /api/v1/events/stream?ticket=…) and nothing else' })
  @ApiAnswer(object({ ticket: { type: 'string' }, expiresIn: { type: 'integer' }, streamUrl: { type: 'string' } }), 'a short-lived ticket for the event stream', HttpStatus.CREATED)
  async ticket(@CurrentActor() actor: Actor & { id: string }) {
    const user = await this.users.findById(actor.id);
    if (!user) throw new ServiceError('not_found', 'user not found');
    const { ticket, expiresIn } = await this.accessTokens.signEventTicket(user);
    return { ticket, expiresIn, streamUrl: `/api/v1/events/stream?ticket=${encodeURIComponent(ticket)}` };
  }

  @Sse('stream')
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'ticket', required: false, description: 'a ticket from POST /api/v1/events/tickets, for EventSource clients (this endpoint only)' })
  @ApiOperation({ summary: 'Server-Sent Events of assignment events the caller may see (event: assignment.<type>; ping every 15 s)' })
  @ApiEventStream('assignment events as they happen (each with typeLabel)')
  stream(@Query() query: EventStreamQueryDto, @CurrentActor() actor: Actor): Observable<MessageEvent> {
    if (this.streams.size >= MAX_STREAMS) throw new ServiceError('unavailable', 'too many open event streams; retry later');
    const units = readableUnits(actor);
    const requested = query.since ? new Date(query.since).getTime() : Date.now();
    let cursor = Math.max(requested, Date.now() - MAX_REPLAY_MS);
    const seen = new Map<string, number>();
    return new Observable<MessageEvent>((subscriber) => {
      this.streams.add(subscriber);
      let polling = false;
      let again = false;
      let ticks = 0;
      const poll = async () => {
        if (polling) {
          again = true;
          return;
        }
        polling = true;
        try {
          do {
            again = false;
            const events = await this.feed.since(new Date(cursor - OVERLAP_MS), units);
            for (const event of events) {
              if (seen.has(event.id)) continue;
              const at = Date.parse(event.occurredAt);
              seen.set(event.id, at);
              cursor = Math.max(cursor, at);
              subscriber.next(toMessage(event));
            }
            for (const [id, at] of seen) if (at < cursor - 2 * OVERLAP_MS) seen.delete(id);
          } while (again && !subscriber.closed);
        } catch (error) {
          this.logger.warn(`event stream poll failed: ${String(error)}`);
        } finally {
          polling = false;
        }
      };
      subscriber.next({ type: 'ready', data: { since: new Date(cursor).toISOString() } });
      const stopListening = this.wakeups.listen(() => void poll());
      void poll();
      const timer = setInterval(() => {
        ticks += 1;
        if (!this.wakeups.live || ticks % SAFETY_POLL_EVERY_TICKS === 0) void poll();
        if (ticks % HEARTBEAT_EVERY_TICKS === 0) subscriber.next({ type: 'ping', data: { at: new Date().toISOString() } });
      }, POLL_INTERVAL_MS);
      return () => {
        clearInterval(timer);
        stopListening();
        this.streams.delete(subscriber);
      };
    });
  }

  /** Shutdown ends every open stream (otherwise the HTTP server would wait for them forever); clients reconnect. */
  onModuleDestroy(): void {
    for (const subscriber of [...this.streams]) subscriber.complete();
  }
}

function toMessage(event: FeedEvent): MessageEvent {
  return { id: event.id, type: `assignment.${event.type}`, data: event };
}
