import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a local receiver got it. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query, parsed against the receiver's base URL. */
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent. */
  readonly rawBody: string;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | object;
  /** Hold the answer this long (to provoke a client timeout). */
  readonly delayMs?: number;
}

export type Responder = (request: ReceivedRequest) => Reply;

export interface HttpReceiver {
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly requests: ReceivedRequest[];
  /** Replace the way it answers. */
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 and an ephemeral port that records every request and answers as told. */
export async function startHttpReceiver(responder: Responder): Promise<HttpReceiver> {
  let current = responder;
  const requests: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        rawBody: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const reply = current(request);
      const answer = () => {
        const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
        res.end(body);
      };
      if (reply.delayMs) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) answer();
        }, reply.delayMs);
        timers.add(timer);
      } else {
        answer();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respondWith(next) {
      current = next;
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function jsonBody(request: ReceivedRequest): unknown {
  return JSON.parse(request.rawBody);
}
