import { createContext, type ReactNode, useCallback, useContext } from 'react';
import type { AuthenticatedSession } from './queries.ts';

const SessionContext = createContext<AuthenticatedSession | null>(null);

export function SessionProvider({
  session,
  children,
}: {
  session: AuthenticatedSession | null;
  children: ReactNode;
}) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in user's session; pages under the layout only render when there is one. */
export function useSession(): AuthenticatedSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in session');
  return session;
}

export function useOptionalSession(): AuthenticatedSession | null {
  return useContext(SessionContext);
}

/**
 * Whether the user's role may take an action at all (`permittedActions` from the server). The UI only
 * hides what is never allowed; the server decides each request.
 */
export function useCan(): (action: string) => boolean {
  const session = useContext(SessionContext);
  return useCallback((action: string) => session?.permittedActions.includes(action) ?? false, [session]);
}

const SESSION_ENDED_KEY = 'tkp.sessionEnded';

/** Remembered across the switch to the login page, so that it can say why the user is there. */
export function markSessionEnded(): void {
  try {
    window.sessionStorage.setItem(SESSION_ENDED_KEY, '1');
  } catch {
    // Nothing to say then.
  }
}

export function takeSessionEnded(): boolean {
  try {
    const ended = window.sessionStorage.getItem(SESSION_ENDED_KEY) === '1';
    window.sessionStorage.removeItem(SESSION_ENDED_KEY);
    return ended;
  } catch {
    return false;
  }
}
