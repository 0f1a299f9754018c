import { useState } from 'preact/hooks';
import { ApiError } from '@widget/shared/api/api-error.js';
import type { QueueCounts } from '@/contract/moderation-queue.js';
import { chooseDeskSite, deskSite } from '../api/desk-site.js';
import { createModerationApi } from '../api/moderation-api.js';
import { useStaffSession } from '../auth/use-staff-session.js';
import { MESSAGES } from '../i18n/messages.js';
import type { PageParams } from '../page-params.js';
import { PageTextContext } from '../page-text.js';
import { Desk } from './Desk.js';
import { LoginPanel } from './LoginPanel.js';
import { StaffOnly } from './StaffOnly.js';
import { PageHeader } from './PageHeader.js';
import { SitePicker } from './SitePicker.js';

/** Who is here: nobody yet, a moderator at the desk (with the first counts), or an account the desk refuses. */
type Access = { kind: 'none' } | { kind: 'desk'; counts: QueueCounts } | { kind: 'refused' };

/**
 * The moderator page: logs in, checks with the service that the account may moderate (the service
 * decides, by answering the queue counts or 403 FORBIDDEN), then opens the desk.
 */
export function ModerateApp(params: PageParams) {
  const { lang } = params;
  const t = MESSAGES[lang];
  const [access, setAccess] = useState<Access>({ kind: 'none' });
  const [site, setSite] = useState(deskSite());
  const { api, session, sessionRef, providers, loggingIn, accountError, now, noteFailure, logIn, logOut } = useStaffSession(createModerationApi, t, lang, {
    admit: async () => {
      try {
        setAccess({ kind: 'desk', counts: (await api.counts()).queues });
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'FORBIDDEN') return setAccess({ kind: 'refused' });
        throw failure;
      }
    },
    onEnd: () => setAccess({ kind: 'none' }),
  });

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

  return (
    <PageTextContext.Provider value={{ t, lang, now }}>
      <div class="page" lang={lang}>
        <PageHeader session={session} onLogOut={() => void logOut()} />
        <main id="main" class="main">
          {!session || access.kind === 'none' ? (
            <LoginPanel api={api} providers={providers} busy={loggingIn} error={accountError} onLogIn={(request) => void logIn(request)} />
          ) : access.kind === 'refused' ? (
            <StaffOnly session={session} heading={t.moderatorsOnlyHeading} text={t.moderatorsOnly} onLogOut={() => void logOut()} />
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
