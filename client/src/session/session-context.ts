import { createContext, useContext } from 'react';
import type { SessionAccount } from '../api/session-api';

/** The signed-in account and how to sign out, for every screen behind sign-in. */
export interface Session {
  account: SessionAccount;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

/** The session; only screens rendered behind sign-in call it. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
