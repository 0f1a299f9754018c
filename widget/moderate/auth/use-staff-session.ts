import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProviderList, ProviderView, SessionView } from '@/contract/auth.js';
import { ApiError } from '@widget/shared/api/api-error.js';
import { describeError, type WithErrorMessages } from '@widget/shared/i18n/describe-error.js';
import type { Lang } from '@widget/shared/lang.js';
import type { LoginRequest } from '../components/LoginPanel.js';

const CLOCK_MS = 30_000;

/** What a staff page's API needs for its login: the providers to offer, and a logout. */
export interface StaffSessionApi {
  providers: () => Promise<ProviderList>;
  logout: () => Promise<unknown>;
}

export interface StaffSessionText extends WithErrorMessages {
  pageTitle: string;
  brand: string;
  sessionEnded: string;
}

export interface StaffSession<Api> {
  api: Api;
  session: SessionView | null;
  /** The session as of now, for callbacks made before the last render. */
  sessionRef: { readonly current: SessionView | null };
  providers: ProviderView[] | null;
  loggingIn: boolean;
  accountError: string | null;
  /** The page's clock, for relative times: a tick every half minute. */
  now: number;
  /** Back to the login, saying why, when the service no longer takes the token. */
  noteFailure: (failure: unknown) => void;
  logIn: (request: LoginRequest) => Promise<void>;
  logOut: () => Promise<void>;
}

/**
 * The login of the desk and the console: the token lives in this page's memory and nowhere else (not
 * in storage, not in cookies). `admit` runs after a login, to ask the service what the account may do
 * here; when it throws, the login fails with that error. `onEnd` runs whenever the session ends.
 */
export function useStaffSession<Api extends StaffSessionApi>(
  createApi: (token: () => string | null) => Api,
  t: StaffSessionText,
  lang: Lang,
  hooks: { admit?: (session: SessionView) => Promise<void>; onEnd?: () => void } = {},
): StaffSession<Api> {
  const sessionRef = useRef<SessionView | null>(null);
  const [session, setSessionState] = useState<SessionView | null>(null);
  const api = useMemo(() => createApi(() => sessionRef.current?.accessToken ?? null), []);
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [loggingIn, setLoggingIn] = useState(false);
  const [accountError, setAccountError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());

  const setSession = (next: SessionView | null): void => {
    sessionRef.current = next;
    setSessionState(next);
    if (!next) hooks.onEnd?.();
  };

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.pageTitle} · ${t.brand}`;
    api.providers().then(
      (answer) => setProviders(answer.providers),
      (failure: unknown) => {
        setProviders([]);
        setAccountError(describeError(failure, t, lang).message);
      },
    );
    const clock = window.setInterval(() => setNow(Date.now()), CLOCK_MS);
    return () => window.clearInterval(clock);
  }, []);

  const noteFailure = (failure: unknown): void => {
    if (failure instanceof ApiError && failure.code === 'AUTH_REQUIRED' && sessionRef.current) {
      setSession(null);
      setAccountError(t.sessionEnded);
    }
  };

  const logIn = async (request: LoginRequest): Promise<void> => {
    setLoggingIn(true);
    setAccountError(null);
    try {
      const next = await request();
      setSession(next);
      try {
        await hooks.admit?.(next);
      } catch (failure) {
        // Not known to be allowed here yet: the login starts over.
        setSession(null);
        throw failure;
      }
    } catch (failure) {
      noteFailure(failure);
      setAccountError(describeError(failure, t, lang).message);
    } finally {
      setLoggingIn(false);
    }
  };

  const logOut = async (): Promise<void> => {
    try {
      await api.logout();
    } catch {
      // Forgotten here either way; the token also expires on its own.
    }
    setSession(null);
    setAccountError(null);
  };

  return { api, session, sessionRef, providers, loggingIn, accountError, now, noteFailure, logIn, logOut };
}
