import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SessionView } from '@/contract/auth.js';
import { ApiError } from '@widget/shared/api/api-error.js';
import type { Api } from '../api/client.js';
import { fromKeptSession, loginChannel, renewalDelayMs, type StoredSession } from './kept-session.js';

/** A failed renewal that may be a passing fault is tried again after this long. */
const RETRY_RENEWAL_MS = 60_000;
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** How long a frame whose token was refused waits for news of a renewal by another frame. */
const SETTLE_MS = 1_500;
/** Frames of one site renew at slightly different moments, so one of them usually renews for all. */
const RENEWAL_SPREAD_MS = 30_000;

export interface KeptLogin {
  session: StoredSession | null;
  /** Whether the kept login (if any) has been looked for yet. */
  restored: boolean;
  /** The token of the moment, for the API client. */
  currentToken: () => string | null;
  /** A new login (kept in this browser), or null for a logout (ended in every tab of the site). */
  setSession: (session: SessionView | null) => void;
  /** After a call answered AUTH_REQUIRED: ends the login, unless another tab renewed it meanwhile. */
  endIfRevoked: () => void;
}

/**
 * The reader's login across page views. The service keeps it in a partitioned, HttpOnly cookie of
 * its own origin (see kept-login-cookie.ts on the server), which the frame trades for the token at
 * start; the token itself lives only in this frame's memory. It is renewed halfway through its life,
 * and followed across the site's tabs, so a login or a logout in one is the same in all.
 */
export function useKeptLogin(api: () => Api, onEnded: () => void): KeptLogin {
  const channel = useMemo(() => loginChannel(), []);
  const sessionRef = useRef<StoredSession | null>(null);
  const [session, setSessionState] = useState<StoredSession | null>(null);
  const [restored, setRestored] = useState(false);

  const adopt = (next: StoredSession | null): void => {
    sessionRef.current = next;
    setSessionState(next);
  };

  const setSession = (next: SessionView | null): void => {
    const stored = next ? { ...next, keptAt: Date.now() } : null;
    adopt(stored);
    channel.tell(stored ? { type: 'session', session: stored } : { type: 'ended' });
    // Kept for the next page view; a browser that refuses the cookie keeps it for this one only.
    if (stored)
      api()
        .keepLogin()
        .catch(() => undefined);
  };

  const end = (): void => {
    adopt(null);
    channel.tell({ type: 'ended' });
    api()
      .forgetLogin()
      .catch(() => undefined);
    onEnded();
  };

  const endIfRevoked = (): void => {
    const current = sessionRef.current;
    if (!current) return;
    // Another frame of the site may have renewed the login just now: its news comes over the channel,
    // and the kept cookie then holds the newer token. Only a login that is gone for good ends here.
    window.setTimeout(() => {
      if (sessionRef.current?.accessToken !== current.accessToken) return;
      api()
        .restoreLogin()
        .then(
          (kept) => (kept.accessToken === current.accessToken ? end() : adopt(fromKeptSession(kept))),
          () => end(),
        );
    }, SETTLE_MS);
  };

  useEffect(() => {
    const unlisten = channel.listen((news) => adopt(news.type === 'session' ? news.session : null));
    api()
      .restoreLogin()
      .then(
        (kept) => {
          if (!sessionRef.current) adopt(fromKeptSession(kept));
        },
        (failure) => {
          // Nothing kept, or no longer valid: the reader logs in as before.
          if (!(failure instanceof ApiError)) throw failure;
        },
      )
      .finally(() => setRestored(true));
    return unlisten;
  }, []);

  useEffect(() => {
    if (!session) return;
    const renewOnce = async (): Promise<void> => {
      if (sessionRef.current?.accessToken !== session.accessToken) return;
      try {
        setSession(await api().refresh());
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'AUTH_REQUIRED') endIfRevoked();
        else timer = window.setTimeout(() => void renew(), RETRY_RENEWAL_MS);
      }
    };
    // One renewal at a time across the site's tabs where the browser allows the frame a lock; a
    // second one would present the token the first revoked, and then finds the renewed one above.
    const renew = (): Promise<void> => ('locks' in navigator ? navigator.locks.request('comment-desk:renew', renewOnce).catch(renewOnce) : renewOnce());
    const delay = renewalDelayMs(session, Date.now()) + Math.random() * RENEWAL_SPREAD_MS;
    let timer = window.setTimeout(() => void renew(), Math.min(delay, MAX_TIMEOUT_MS));
    return () => window.clearTimeout(timer);
  }, [session?.accessToken]);

  return { session, restored, currentToken: () => sessionRef.current?.accessToken ?? null, setSession, endIfRevoked };
}
