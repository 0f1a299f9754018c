import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from '@widget/shared/api/api-error.js';
import type { ProviderView, SessionView } from '@/contract/auth.js';
import type { QueueCounts } from '@/contract/moderation-queue.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { chooseDeskSite, deskSite } from '../api/desk-site.js';
import { createModerationApi } from '../api/moderation-api.js';
import { MESSAGES } from '../i18n/messages.js';
import type { PageParams } from '../page-params.js';
import { PageTextContext } from '../page-text.js';
import { Desk } from './Desk.js';
import { LoginPanel, type LoginRequest } from './LoginPanel.js';
import { ModeratorsOnly } from './ModeratorsOnly.js';
import { PageHeader } from './PageHeader.js';
import { SitePicker } from './SitePicker.js';

const CLOCK_MS = 30_000;

/** Who is here: nobody yet, a moderator at the desk (with the first counts), or an account the desk refuses. */
type Access = { kind: 'none' } | { kind: 'desk'; counts: QueueCounts } | { kind: 'refused' };

/**
 * The moderator page: logs in, checks with the service that the account may moderate (the service
 * decides, by answering the queue counts or 403 FORBIDDEN), then opens the desk.
 */
export function ModerateApp(params: PageParams) {
  const { lang } = params;
  const t = MESSAGES[lang];
  // The token lives here, in memory, and nowhere else: not in storage, not in cookies.
  const sessionRef = useRef<SessionView | null>(null);
  const [session, setSessionState] = useState<SessionView | null>(null);
  const api = useMemo(() => createModerationApi(() => sessionRef.current?.accessToken ?? null), []);
  const [access, setAccess] = useState<Access>({ kind: 'none' });
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [loggingIn, setLoggingIn] = useState(false);
  const [accountError, setAccountError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [site, setSite] = useState(deskSite());

  const setSession = (next: SessionView | null): void => {
    sessionRef.current = next;
    setSessionState(next);
    if (!next) setAccess({ kind: 'none' });
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

  /** The service no longer takes the token: back to the login, saying why. */
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
        setAccess({ kind: 'desk', counts: (await api.counts()).queues });
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'FORBIDDEN') return setAccess({ kind: 'refused' });
        // Not known to be a moderator yet: the login starts over.
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

  /** An operator moves the desk to another site: its queues start over there. */
  const changeSite = async (next: string | null): Promise<void> => {
    chooseDeskSite(next);
    setSite(next);
    try {
      setAccess({ kind: 'desk', counts: (await api.counts()).queues });
    } catch (failure) {
      noteFailure(failure);
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

  return (
    <PageTextContext.Provider value={{ t, lang, now }}>
      <div class="page" lang={lang}>
        <PageHeader session={session} onLogOut={() => void logOut()} />
        <main id="main" class="main">
          {!session || access.kind === 'none' ? (
            <LoginPanel api={api} providers={providers} busy={loggingIn} error={accountError} onLogIn={(request) => void logIn(request)} />
          ) : access.kind === 'refused' ? (
            <ModeratorsOnly session={session} onLogOut={() => void logOut()} />
          ) : (
            <>
              {session.user.role === 'operator' && <SitePicker api={api} site={site} onChange={(next) => void changeSite(next)} />}
              <Desk
                key={site ?? ''}
                api={api}
                session={session}
                initialCounts={access.counts}
                initialView={params}
                currentToken={() => sessionRef.current?.accessToken ?? null}
                noteFailure={noteFailure}
                onRefused={(failure) => (failure.code === 'FORBIDDEN' ? setAccess({ kind: 'refused' }) : noteFailure(failure))}
              />
            </>
          )}
        </main>
      </div>
    </PageTextContext.Provider>
  );
}
