import { apiErrorFrom, networkError } from '../api/api-error';
import type { SessionUser } from './session-user';

/**
 * The sign-in session: the access token (15 minutes), the single-use refresh token and
 * the user, kept in localStorage so a reload or a second tab stays signed in.
 *
 * Refresh tokens are single use and replaying a used one ends the whole sign-in, so
 * two tabs must never refresh with the same token: refreshing runs under a Web Lock
 * shared by the tabs, and inside it the stored session is read again — when another
 * tab refreshed meanwhile, its new tokens are used instead of refreshing twice.
 */
export interface Session {
  readonly accessToken: string;
  /** Epoch ms. */
  readonly accessExpiresAt: number;
  /** The access token's lifetime (ms), for when to refresh it. */
  readonly accessLifetimeMs: number;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

interface TokenPair {
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly user: SessionUser;
}

const STORAGE_KEY = 'duban.session';
/** Refresh this long before the access token expires (clock skew, slow requests), at most a quarter of its life. */
const REFRESH_MARGIN_MS = 60_000;

function refreshDue(session: Session): boolean {
  const margin = Math.min(REFRESH_MARGIN_MS, (session.accessLifetimeMs || 0) / 4);
  return session.accessExpiresAt - margin <= Date.now();
}
const LOCK_NAME = 'duban.session.refresh';

type Listener = (session: Session | null, reason?: SignOutReason) => void;
export type SignOutReason = 'signed_out' | 'expired';

const listeners = new Set<Listener>();
let refreshing: Promise<Session | null> | null = null;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return typeof parsed.accessToken === 'string' && typeof parsed.refreshToken === 'string' && parsed.user ? parsed : null;
  } catch {
    return null;
  }
}

function write(session: Session | null, reason?: SignOutReason): void {
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener(session, reason));
}

function fromPair(pair: TokenPair): Session {
  return { accessToken: pair.accessToken, accessExpiresAt: Date.now() + pair.expiresIn * 1000, accessLifetimeMs: pair.expiresIn * 1000, refreshToken: pair.refreshToken, user: pair.user };
}

async function postJson(path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(`/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw networkError();
  }
}

async function withRefreshLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? locks.request(LOCK_NAME, work) : work();
}

export const sessionStore = {
  current(): Session | null {
    return read();
  },

  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  async signIn(username: string, password: string): Promise<Session> {
    const response = await postJson('/auth/login', { username, password });
    const body = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get('retry-after'));
    const session = fromPair(body as TokenPair);
    write(session);
    return session;
  },

  /** Revokes the refresh token (the whole sign-in) and forgets the session; never fails. */
  async signOut(reason: SignOutReason = 'signed_out'): Promise<void> {
    const session = read();
    write(null, reason);
    if (session && reason === 'signed_out') await postJson('/auth/logout', { refreshToken: session.refreshToken }).catch(() => undefined);
  },

  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    const session = read();
    if (!session) return null;
    if (!refreshDue(session)) return session.accessToken;
    return (await this.refresh(session.accessToken))?.accessToken ?? null;
  },

  /**
   * Exchanges the refresh token for a new pair (once, however many callers ask at
   * the same time). `staleAccessToken` is the token a caller found refused: if the
   * stored one already differs, another request or tab refreshed and it is used as is.
   */
  refresh(staleAccessToken: string | null): Promise<Session | null> {
    refreshing ??= withRefreshLock(async () => {
      const session = read();
      if (!session) return null;
      if (session.accessToken !== staleAccessToken && !refreshDue(session)) return session;
      const response = await postJson('/auth/refresh', { refreshToken: session.refreshToken });
      if (response.status === 401 || response.status === 400) {
        write(null, 'expired');
        return null;
      }
      const body = (await response.json().catch(() => null)) as unknown;
      if (!response.ok) throw apiErrorFrom(response.status, body, response.headers.get('retry-after'));
      const next = fromPair(body as TokenPair);
      write(next);
      return next;
    }).finally(() => {
      refreshing = null;
    });
    return refreshing;
  },

  /** Keeps the stored user in step after /auth/me. */
  updateUser(user: SessionUser): void {
    const session = read();
    if (session) write({ ...session, user });
  },
};

// Another tab signed in, refreshed or signed out: tell this tab's listeners.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    const session = read();
    listeners.forEach((listener) => listener(session, session ? undefined : 'signed_out'));
  });
}
