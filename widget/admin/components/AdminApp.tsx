import { useState } from 'preact/hooks';
import type { Lang } from '@widget/shared/lang.js';
import { useStaffSession } from '@widget/moderate/auth/use-staff-session.js';
import { LoginPanel } from '@widget/moderate/components/LoginPanel.js';
import { PageHeader } from '@widget/moderate/components/PageHeader.js';
import { SitePicker } from '@widget/moderate/components/SitePicker.js';
import { StaffOnly } from '@widget/moderate/components/StaffOnly.js';
import { chooseDeskSite, deskSite } from '@widget/moderate/api/desk-site.js';
import { PageTextContext } from '@widget/moderate/page-text.js';
import { createAdminApi } from '../api/admin-api.js';
import { ADMIN_MESSAGES } from '../i18n/messages.js';
import { Console } from './Console.js';

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
  const [site, setSite] = useState(deskSite());
  const { api, session, providers, loggingIn, accountError, now, noteFailure, logIn, logOut } = useStaffSession(createAdminApi, t, lang);

  const allowed = session !== null && CONSOLE_ROLES.includes(session.user.role);
  return (
    <PageTextContext.Provider value={{ t, lang, now }}>
      <div class="page page-wide" lang={lang}>
        <PageHeader session={session} title={t.pageTitle} link={{ href: deskHref(), label: t.toDesk }} onLogOut={() => void logOut()} />
        <main id="main" class="main">
          {!session ? (
            <LoginPanel api={api} providers={providers} busy={loggingIn} error={accountError} onLogIn={(request) => void logIn(request)} />
          ) : !allowed ? (
            <StaffOnly session={session} heading={t.adminsOnlyHeading} text={t.adminsOnly} onLogOut={() => void logOut()} />
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
