import { Navigate, useLocation } from 'react-router';
import { LiveEventsProvider } from './live-events';
import { useSession } from './session-context';

/** Pages behind sign-in: without a session, the sign-in page (which returns here afterwards). */
export function RequireSignIn({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={back === '/' ? '/login' : `/login?next=${encodeURIComponent(back)}`} replace />;
  }
  // Keyed by user: signing in as someone else opens a new event stream with their rights.
  return <LiveEventsProvider key={user.id}>{children}</LiveEventsProvider>;
}
