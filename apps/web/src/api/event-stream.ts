import { EVENT_LABELS } from '@duban/domain';
import { sessionStore } from '../auth/session-store';
import { api, API_BASE } from './api-client';

/** One assignment event from GET /events/stream (only what the signed-in user may see). */
export interface LiveEvent {
  readonly id: string;
  readonly assignmentId: string;
  readonly planId: string;
  readonly unitName: string;
  readonly seq: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly payload: Record<string, unknown>;
}

export type StreamStatus = 'connecting' | 'live' | 'retrying' | 'closed';

/** The stream names events `assignment.<type>`; EventSource needs a listener per name. */
const EVENT_NAMES = Object.keys(EVENT_LABELS).map((type) => `assignment.${type}`);
const MAX_BACKOFF_MS = 30_000;

/** POST /events/tickets: a one-minute ticket that opens the event stream and nothing else. */
interface EventTicket {
  readonly ticket: string;
  readonly expiresIn: number;
  readonly streamUrl: string;
}

/**
 * The only place that knows how the stream authenticates. EventSource cannot send
 * headers, and an access token must never ride in a URL: each (re)connection asks
 * for a fresh single-purpose ticket (the request refreshes the session if needed)
 * and opens the stream with it.
 */
async function streamUrl(since: string | null): Promise<string | null> {
  if (!(await sessionStore.accessToken())) return null;
  const { ticket } = await api.post<EventTicket>('/events/tickets');
  const params = new URLSearchParams({ ticket });
  if (since) params.set('since', since);
  return `${API_BASE}/events/stream?${params.toString()}`;
}

/**
 * Follows the live event stream until the returned function is called. A dropped
 * connection (API restart, expired ticket) reconnects with a fresh ticket after a
 * growing pause, replaying from the last event seen so nothing is missed.
 */
export function followEvents(onEvent: (event: LiveEvent) => void, onStatus: (status: StreamStatus) => void = () => undefined): () => void {
  let source: EventSource | null = null;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let lastSeen: string | null = null;

  const handle = (message: MessageEvent<string>) => {
    try {
      const event = JSON.parse(message.data) as LiveEvent;
      if (event.occurredAt) lastSeen = event.occurredAt;
      onEvent(event);
    } catch {
      // A malformed message is skipped; the next one still arrives.
    }
  };

  const connect = async () => {
    if (stopped) return;
    onStatus(attempts === 0 ? 'connecting' : 'retrying');
    let url: string | null;
    try {
      url = await streamUrl(lastSeen);
    } catch {
      // No ticket this time (API restarting, network down): try again later; a refused session signs out elsewhere.
      if (!stopped) retryLater();
      return;
    }
    if (stopped) return;
    if (!url) {
      onStatus('closed');
      return;
    }
    source = new EventSource(url);
    source.addEventListener('ready', () => {
      attempts = 0;
      onStatus('live');
    });
    for (const name of EVENT_NAMES) source.addEventListener(name, handle as EventListener);
    source.onerror = () => {
      // EventSource retries on its own only with the same (soon expired) ticket: reconnect ourselves.
      source?.close();
      source = null;
      if (stopped) return;
      retryLater();
    };
  };

  function retryLater(): void {
    attempts += 1;
    onStatus('retrying');
    timer = setTimeout(() => void connect(), Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 5)));
  }

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
    onStatus('closed');
  };
}
