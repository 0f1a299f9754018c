import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionView } from '@/contract/auth.js';
import { ApiError } from '@widget/shared/api/api-error.js';
import type { Api } from '../api/client.js';
import { keptSession, renewalDelayMs, type StoredSession } from './kept-session.js';

/** A failed renewal that may be a passing fault is tried again after this long. */
const RETRY_RENEWAL_MS = 60_000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export interface KeptLogin {
  session: StoredSession | null;
  /** The token of the moment, for the API client. */
  currentToken: () => string | null;
  /** A new login (kept), or null for a logout (forgotten in every tab of the site). */
  setSession: (session: SessionView | null) => void;
  /** After a call answered AUTH_REQUIRED: true when that ended the login (rather than another tab renewing it). */
  endIfRevoked: () => boolean;
}

/**
 * The reader's login across page views: read from the frame's storage at start and checked with the
 * service (a token revoked elsewhere ends here), renewed halfway through its life, and followed
 * across the site's tabs, so a login or a logout in one is the same in all.
 */
export function useKeptLogin(api: () => Api, onEnded: () => void): KeptLogin {
  const store = useMemo(() => keptSession(), []);
  const initial = useMemo(() => store.read(), []);
  const sessionRef = useRef<StoredSession | null>(initial);
  const [session, setSessionState] = useState<StoredSession | null>(initial);

  const adopt = (next: StoredSession | null): void => {
    sessionRef.current = next;
    setSessionState(next);
  };
  const setSession = (next: SessionView | null): void => adopt(store.write(next));

  /** Another tab may hold a newer token for the same login: take it rather than ending the login. */
  const endIfRevoked = (): boolean => {
    const current = sessionRef.current;
    if (!current) return false;
    const latest = store.read();
    if (latest && latest.accessToken !== current.accessToken) {
      adopt(latest);
      return false;
    }
    setSession(null);
    onEnded();
    return true;
  };

  useEffect(() => {
    const unsubscribe = store.subscribe(adopt);
    if (initial) {
      api()
        .me()
        .then(
          (user) => {
            if (sessionRef.current?.accessToken === initial.accessToken) adopt({ ...initial, user });
          },
          (failure) => {
            if (failure instanceof ApiError && failure.code === 'AUTH_REQUIRED') endIfRevoked();
          },
        );
    }
    return unsubscribe;
  }, []);

  useEffect(() => {
    if (!session) return;
    const renewOnce = async (): Promise<void> => {
      // Another tab of the site may have renewed it while this one waited for the lock.
      const latest = store.read();
      if (latest && latest.accessToken !== session.accessToken) return adopt(latest);
      if (sessionRef.current?.accessToken !== session.accessToken) return;
      try {
        setSession(await api().refresh());
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'AUTH_REQUIRED') endIfRevoked();
        else timer = window.setTimeout(() => void renew(), RETRY_RENEWAL_MS);
      }
    };
    // One renewal at a time across the site's tabs: a second one would present the revoked token.
    const renew = (): Promise<void> => ('locks' in navigator ? navigator.locks.request('comment-desk:renew', renewOnce) : renewOnce());
    let timer = window.setTimeout(() => void renew(), Math.min(renewalDelayMs(session, Date.now()), MAX_TIMEOUT_MS));
    return () => window.clearTimeout(timer);
  }, [session?.accessToken]);

  return { session, currentToken: () => sessionRef.current?.accessToken ?? null, setSession, endIfRevoked };
}
