import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { followEvents, type LiveEvent, type StreamStatus } from '../api/event-stream';

type Listener = (event: LiveEvent) => void;

interface LiveEventsValue {
  readonly status: StreamStatus;
  subscribe(listener: Listener): () => void;
}

const LiveEventsContext = createContext<LiveEventsValue | null>(null);

/** One event stream per signed-in tab, shared by every page that wants live updates. */
export function LiveEventsProvider({ children }: { children: React.ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => followEvents((event) => listeners.current.forEach((listener) => listener(event)), setStatus), []);

  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const value = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveEventsContext.Provider value={value}>{children}</LiveEventsContext.Provider>;
}

export function useLiveStatus(): StreamStatus {
  return useContext(LiveEventsContext)?.status ?? 'closed';
}

/**
 * Calls `onChange` (debounced: a burst of events is one reload) when a live event
 * matches `filter`. Pages use it to reload what they show.
 */
export function useLiveEvents(onChange: () => void, filter: (event: LiveEvent) => boolean = () => true, delayMs = 600): void {
  const context = useContext(LiveEventsContext);
  const latest = useRef({ onChange, filter });
  latest.current = { onChange, filter };
  const subscribe = context?.subscribe;
  useEffect(() => {
    if (!subscribe) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe((event) => {
      if (!latest.current.filter(event)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => latest.current.onChange(), delayMs);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [subscribe, delayMs]);
}
