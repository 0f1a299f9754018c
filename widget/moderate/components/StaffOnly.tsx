import { useEffect, useRef } from 'preact/hooks';
import type { SessionView } from '@/contract/auth.js';
import { usePageText } from '../page-text.js';

/** What an account sees instead of a staff page the service does not let it use (the desk, the console). */
export function StaffOnly(props: { session: SessionView; heading: string; text: (name: string) => string; onLogOut: () => void }) {
  const { t } = usePageText();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="panel refused" aria-labelledby="refused-heading">
      <h2 id="refused-heading" ref={heading} tabIndex={-1}>
        {props.heading}
      </h2>
      <p role="alert">{props.text(props.session.user.displayName)}</p>
      <button type="button" class="button" onClick={props.onLogOut}>
        {t.logOut}
      </button>
    </section>
  );
}
