import type { DataSource } from 'typeorm';

interface EventfulClient {
  on(event: 'error', listener: (error: Error) => void): unknown;
}
interface EventfulPool {
  on(event: 'connect' | 'acquire', listener: (client: EventfulClient) => void): unknown;
}

/**
 * A database restart terminates every connection: a pg client that is checked out
 * at that moment emits 'error', and an 'error' event nobody listens to kills the
 * process. Every client of the pool gets a listener (the query in flight fails on
 * its own and is answered 503 or retried).
 */
export function handleConnectionErrors(dataSource: DataSource, onError: (error: Error) => void): void {
  const pool = (dataSource.driver as unknown as { master?: EventfulPool }).master;
  if (!pool) return;
  const handled = new WeakSet<EventfulClient>();
  const watch = (client: EventfulClient) => {
    if (handled.has(client)) return;
    handled.add(client);
    client.on('error', onError);
  };
  pool.on('connect', watch);
  pool.on('acquire', watch);
}
