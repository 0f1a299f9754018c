import type { SessionView } from '@/contract/auth.js';
import { usePageText } from '../page-text.js';

const CONSOLE_ROLES: readonly string[] = ['admin', 'operator'];

interface PageHeaderProps {
  session: SessionView | null;
  onLogOut: () => void;
  /** The page's name, when it is not the desk's. */
  title?: string;
  /** Another page of the desk for this account (the console for admins, the desk from the console). */
  link?: { href: string; label: string } | null;
}

/**
 * The address of the admin console, in the desk's language and on its site. Not for operators: they
 * log in on the default site and pick the site in the console, as in the desk.
 */
export function consoleHref(search: string, keepSite: boolean): string {
  const params = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const name of keepSite ? ['lang', 'site'] : ['lang']) {
    const value = params.get(name);
    if (value) kept.set(name, value);
  }
  const text = kept.toString();
  return `/moderate/admin${text ? `?${text}` : ''}`;
}

/** The page's name, and who is logged in with the way out (and, for admins, the way to the console). */
export function PageHeader({ session, onLogOut, title, link }: PageHeaderProps) {
  const { t } = usePageText();
  const other =
    link === undefined
      ? session && CONSOLE_ROLES.includes(session.user.role)
        ? { href: consoleHref(location.search, session.user.role !== 'operator'), label: t.adminConsole }
        : null
      : link;
  return (
    <header class="page-header">
      <div class="page-title">
        <a class="brand" href="/">
          {t.brand}
        </a>
        <h1>{title ?? t.pageTitle}</h1>
      </div>
      {session && (
        <p class="account">
          {other && (
            <a class="page-link" href={other.href}>
              {other.label}
            </a>
          )}
          <span>{t.loggedInAs(session.user.displayName, t.roles[session.user.role] ?? session.user.role)}</span>
          <button type="button" class="button button-quiet" onClick={onLogOut}>
            {t.logOut}
          </button>
        </p>
      )}
    </header>
  );
}
