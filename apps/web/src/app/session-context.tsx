import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { Actor } from '@duban/domain';
import { sessionStore, type Session, type SignOutReason } from '../auth/session-store';
import { actorOf, type SessionUser } from '../auth/session-user';

interface SessionContextValue {
  readonly user: SessionUser | null;
  readonly actor: Actor | null;
  /** Why the last session ended ('expired': the refresh was refused). */
  readonly endedBecause: SignOutReason | undefined;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: React.ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(() => sessionStore.current()?.user ?? null);
  const [endedBecause, setEndedBecause] = useState<SignOutReason | undefined>(undefined);

  useEffect(
    () =>
      sessionStore.subscribe((session, reason) => {
        setUser(session?.user ?? null);
        if (!session) setEndedBecause(reason);
      }),
    [],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      user,
      actor: user ? actorOf(user) : null,
      endedBecause,
      signIn: async (username, password) => {
        const session = await sessionStore.signIn(username, password);
        setEndedBecause(undefined);
        return session;
      },
      signOut: () => sessionStore.signOut('signed_out'),
    }),
    [user, endedBecause],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user and actor (pages under the signed-in layout only). */
export function useSignedIn(): { user: SessionUser; actor: Actor } {
  const { user, actor } = useSession();
  if (!user || !actor) throw new Error('useSignedIn on a page for signed-in users only');
  return { user, actor };
}
