import { sessionStore } from '../auth/session-store';
import { ApiError, apiErrorFrom, networkError } from './api-error';

/** Query values; undefined, null and '' are left out. */
export type QueryValue = string | number | boolean | undefined | null;
export type Query = Readonly<Record<string, QueryValue>>;

export interface RequestOptions {
  readonly query?: Query;
  readonly body?: unknown;
  /** Makes a retried submission act once on the server (the same key for the same form submission). */
  readonly idempotencyKey?: string;
  readonly signal?: AbortSignal;
}

/** Lists: `{ items, total, limit, offset }` (a later keyset page may add `nextCursor` and `totalCapped`). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly nextCursor?: string | null;
  readonly totalCapped?: boolean;
}

export const API_BASE = '/api/v1';

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * One request to /api/v1 as the signed-in user. The access token is refreshed
 * before it expires; a 401 triggers one refresh and one retry, and a refused refresh
 * signs the user out (the app then shows the sign-in page).
 */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  return parse<T>(await authorizedFetch(method, path, options, 'application/json'));
}

/** A file from the API (an export) as the signed-in user; errors as for request(). */
export async function requestFile(path: string, query?: Query): Promise<Blob> {
  const response = await authorizedFetch('GET', path, { query }, '*/*');
  if (!response.ok) return parse<never>(response);
  return response.blob();
}

async function authorizedFetch(method: string, path: string, options: RequestOptions, accept: string): Promise<Response> {
  const send = async (token: string | null): Promise<Response> => {
    const headers: Record<string, string> = { accept };
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    let body: BodyInit | undefined;
    if (options.body instanceof FormData) body = options.body;
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    try {
      return await fetch(`${API_BASE}${path}${queryString(options.query)}`, { method, headers, body, signal: options.signal });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
  };

  const token = await sessionStore.accessToken();
  let response = await send(token);
  if (response.status === 401 && token) {
    const refreshed = await sessionStore.refresh(token);
    if (!refreshed) throw new ApiError(401, '登录已失效，请重新登录', 'invalid_token');
    response = await send(refreshed.accessToken);
  }
  return response;
}

async function parse<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get('retry-after'));
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, idempotencyKey?: string) => request<T>('POST', path, { body: body ?? {}, idempotencyKey }),
  patch: <T>(path: string, body: unknown, idempotencyKey?: string) => request<T>('PATCH', path, { body, idempotencyKey }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData, idempotencyKey?: string) => request<T>('POST', path, { body: form, idempotencyKey }),
};

/** A fresh idempotency key (one per form submission; a retry of the same submission reuses it). */
export function newIdempotencyKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
