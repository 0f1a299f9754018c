import type { SessionView } from '@/contract/auth.js';
import { usePageText } from '../page-text.js';

/** The page's name, and who is logged in with the way out. */
export function PageHeader({ session, onLogOut }: { session: SessionView | null; onLogOut: () => void }) {
  const { t } = usePageText();
  return (
    <header class="page-header">
      <div class="page-title">
        <a class="brand" href="/">
          {t.brand}
        </a>
        <h1>{t.pageTitle}</h1>
      </div>
      {session && (
        <p class="account">
          <span>{t.loggedInAs(session.user.displayName, t.roles[session.user.role] ?? session.user.role)}</span>
          <button type="button" class="button button-quiet" onClick={onLogOut}>
            {t.logOut}
          </button>
        </p>
      )}
    </header>
  );
}
