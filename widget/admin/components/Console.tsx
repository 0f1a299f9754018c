import { useRef, useState } from 'preact/hooks';
import type { SessionView } from '@/contract/auth.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import type { Lang } from '@widget/shared/lang.js';
import type { AdminApi } from '../api/admin-api.js';
import { ConsoleContextValue } from '../admin-text.js';
import { CONSOLE_SECTIONS, type ConsoleSection, sectionOf } from '../console-sections.js';
import type { AdminMessages } from '../i18n/messages.js';
import { ArticlesView } from './ArticlesView.js';
import { GroupsView } from './GroupsView.js';
import { LogView } from './LogView.js';
import { PeopleView } from './PeopleView.js';
import { PolicyView } from './PolicyView.js';

const PANEL_ID = 'console-panel';

interface ConsoleProps {
  api: AdminApi;
  session: SessionView;
  t: AdminMessages;
  lang: Lang;
  now: number;
  noteFailure: (failure: unknown) => void;
}

/** The console's sections as tabs (arrow keys move between them), the open one, and one status line for every action. */
export function Console({ api, session, t, lang, now, noteFailure }: ConsoleProps) {
  const [section, setSection] = useState<ConsoleSection>(sectionOf(location.search));
  const [status, setStatus] = useState<{ text: string; isError: boolean } | null>(null);
  const tabs = useRef<HTMLDivElement>(null);

  const say = (text: string, isError = false): void => setStatus({ text, isError });
  const fail = (failure: unknown): void => {
    noteFailure(failure);
    say(describeError(failure, t, lang).message, true);
  };

  const open = (next: ConsoleSection, focus = false): void => {
    setSection(next);
    setStatus(null);
    const params = new URLSearchParams(location.search);
    params.set('section', next);
    history.replaceState(history.state, '', `${location.pathname}?${params}`);
    if (focus) tabs.current?.querySelector<HTMLButtonElement>(`#console-tab-${next}`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const index = CONSOLE_SECTIONS.indexOf(section);
    const last = CONSOLE_SECTIONS.length - 1;
    const target =
      event.key === 'ArrowRight'
        ? index === last
          ? 0
          : index + 1
        : event.key === 'ArrowLeft'
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (target === null) return;
    event.preventDefault();
    open(CONSOLE_SECTIONS[target]!, true);
  };

  return (
    <ConsoleContextValue.Provider value={{ t, lang, now, api, say, fail }}>
      <section class="console" aria-label={t.pageTitle}>
        <div ref={tabs} class="tabs" role="tablist" aria-label={t.sectionsLabel} onKeyDown={onKeyDown}>
          {CONSOLE_SECTIONS.map((name) => (
            <button
              key={name}
              id={`console-tab-${name}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={name === section}
              aria-controls={PANEL_ID}
              tabIndex={name === section ? 0 : -1}
              onClick={() => open(name)}
            >
              {t.sections[name]}
            </button>
          ))}
        </div>
        <div class="status-line console-status" role="status">
          {status && <p class={status.isError ? 'notice notice-error' : 'notice'}>{status.text}</p>}
        </div>
        <div id={PANEL_ID} class="console-panel" role="tabpanel" aria-labelledby={`console-tab-${section}`}>
          {section === 'articles' && <ArticlesView />}
          {section === 'policy' && <PolicyView />}
          {section === 'people' && <PeopleView myId={session.user.id} />}
          {section === 'log' && <LogView />}
          {section === 'groups' && <GroupsView />}
        </div>
      </section>
    </ConsoleContextValue.Provider>
  );
}
