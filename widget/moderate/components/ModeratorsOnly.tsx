import { useEffect, useRef } from 'preact/hooks';
import type { SessionView } from '@/contract/auth.js';
import { usePageText } from '../page-text.js';

/** What an account the service does not let moderate sees instead of the desk. */
export function ModeratorsOnly({ session, onLogOut }: { session: SessionView; onLogOut: () => void }) {
  const { t } = usePageText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel refused" aria-labelledby="refused-heading">
      <h2 id="refused-heading" ref={heading} tabIndex={-1}>
        {t.moderatorsOnlyHeading}
      </h2>
      <p role="alert">{t.moderatorsOnly(session.user.displayName)}</p>
      <button type="button" class="button" onClick={onLogOut}>
        {t.logOut}
      </button>
    </section>
  );
}
