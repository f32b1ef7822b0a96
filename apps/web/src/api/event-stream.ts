import { EVENT_LABELS } from '@duban/domain';
import { sessionStore } from '../auth/session-store';
import { API_BASE } from './api-client';

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

/**
 * The only place that knows how the stream authenticates. Today EventSource cannot
 * send headers, so the access token rides as ?access_token= (the API strips it from
 * its logs); when the API moves to short single-purpose tickets, this is the one
 * function to change.
 */
async function streamUrl(since: string | null): Promise<string | null> {
  const token = await sessionStore.accessToken();
  if (!token) return null;
  const params = new URLSearchParams({ access_token: token });
  if (since) params.set('since', since);
  return `${API_BASE}/events/stream?${params.toString()}`;
}

/**
 * Follows the live event stream until the returned function is called. A dropped
 * connection (API restart, expired token) reconnects with a fresh token after a
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
    const url = await streamUrl(lastSeen).catch(() => null);
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
      // EventSource retries on its own only with the same (possibly expired) token: reconnect ourselves.
      source?.close();
      source = null;
      if (stopped) return;
      attempts += 1;
      onStatus('retrying');
      timer = setTimeout(() => void connect(), Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 5)));
    };
  };

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    source?.close();
    onStatus('closed');
  };
}
