import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProviderView, SessionView } from '@/contract/auth.js';
import { ApiError } from '@widget/shared/api/api-error.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import type { Lang } from '@widget/shared/lang.js';
import { LoginPanel, type LoginRequest } from '@widget/moderate/components/LoginPanel.js';
import { PageHeader } from '@widget/moderate/components/PageHeader.js';
import { SitePicker } from '@widget/moderate/components/SitePicker.js';
import { chooseDeskSite, deskSite } from '@widget/moderate/api/desk-site.js';
import { PageTextContext } from '@widget/moderate/page-text.js';
import { createAdminApi } from '../api/admin-api.js';
import { ADMIN_MESSAGES } from '../i18n/messages.js';
import { Console } from './Console.js';

const CLOCK_MS = 30_000;
const CONSOLE_ROLES: readonly string[] = ['admin', 'operator'];

/** The desk's address, in the console's language and on its site. */
function deskHref(): string {
  const params = new URLSearchParams(location.search);
  params.delete('section');
  const text = params.toString();
  return `/moderate${text ? `?${text}` : ''}`;
}

/**
 * The admin console: the desk's login (the token in memory only), then, for admins, the console.
 * The service decides what an account may do; the page only leaves out what it would refuse.
 */
export function AdminApp({ lang }: { lang: Lang }) {
  const t = ADMIN_MESSAGES[lang];
  const sessionRef = useRef<SessionView | null>(null);
  const [session, setSessionState] = useState<SessionView | null>(null);
  const api = useMemo(() => createAdminApi(() => sessionRef.current?.accessToken ?? null), []);
  const [providers, setProviders] = useState<ProviderView[] | null>(null);
  const [loggingIn, setLoggingIn] = useState(false);
  const [accountError, setAccountError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const [site, setSite] = useState(deskSite());

  const setSession = (next: SessionView | null): void => {
    sessionRef.current = next;
    setSessionState(next);
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
      setSession(await request());
    } catch (failure) {
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

  const allowed = session !== null && CONSOLE_ROLES.includes(session.user.role);
  return (
    <PageTextContext.Provider value={{ t, lang, now }}>
      <div class="page page-wide" lang={lang}>
        <PageHeader session={session} title={t.pageTitle} link={{ href: deskHref(), label: t.toDesk }} onLogOut={() => void logOut()} />
        <main id="main" class="main">
          {!session ? (
            <LoginPanel api={api} providers={providers} busy={loggingIn} error={accountError} onLogIn={(request) => void logIn(request)} />
          ) : !allowed ? (
            <AdminsOnly
              name={session.user.displayName}
              heading={t.adminsOnlyHeading}
              text={t.adminsOnly}
              onLogOut={() => void logOut()}
              logOutLabel={t.logOut}
            />
          ) : (
            <>
              {session.user.role === 'operator' && (
                <SitePicker
                  api={api}
                  site={site}
                  onChange={(next) => {
                    // The console starts over on the other site: every call from now on names it.
                    chooseDeskSite(next);
                    setSite(next);
                  }}
                />
              )}
              <Console key={site ?? ''} api={api} session={session} t={t} lang={lang} now={now} noteFailure={noteFailure} />
            </>
          )}
        </main>
      </div>
    </PageTextContext.Provider>
  );
}

function AdminsOnly(props: { name: string; heading: string; text: (name: string) => string; logOutLabel: string; onLogOut: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel refused" aria-labelledby="refused-heading">
      <h2 id="refused-heading" ref={heading} tabIndex={-1}>
        {props.heading}
      </h2>
      <p role="alert">{props.text(props.name)}</p>
      <button type="button" class="button" onClick={props.onLogOut}>
        {props.logOutLabel}
      </button>
    </section>
  );
}
