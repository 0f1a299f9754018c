import { useEffect, useRef, useState } from 'preact/hooks';
import { ROLES, type SiteRole } from '@/contract/users.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { absoluteTime } from '@widget/shared/i18n/relative-time.js';
import { BanForm } from '@widget/moderate/components/BanForm.js';
import type { PersonDetail, PersonView } from '../api/admin-types.js';
import { useConsole } from '../admin-text.js';
import { usePaged } from '../use-paged.js';
import { PagedList, SearchForm } from './PagedList.js';
import { LogEntryLine } from './LogView.js';

/** People of the site: find them by name, login or id; change their role; ban, suspend or let them write again. */
export function PeopleView({ myId }: { myId: string }) {
  const { t, api, fail } = useConsole();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePaged(query, (cursor) => api.people(query, cursor), fail);

  return (
    <div class="console-section">
      <h2>{t.peopleHeading}</h2>
      <SearchForm
        onSearch={() => {
          setQuery(search.trim());
          setOpenId(null);
        }}
        buttons={
          <button type="submit" class="button button-primary">
            {t.search}
          </button>
        }
      >
        <div class="field">
          <label for="people-search">{t.peopleSearch}</label>
          <input id="people-search" type="search" value={search} onInput={(event) => setSearch(event.currentTarget.value)} />
        </div>
      </SearchForm>
      <PagedList list={list}>
        <ul class="rows">
          {list.items.map((person) => (
            <li key={person.id} class="row person-row" data-user-id={person.id}>
              <div class="row-main">
                <p class="row-title">
                  <button
                    type="button"
                    class="link-button"
                    aria-expanded={openId === person.id}
                    onClick={() => setOpenId(openId === person.id ? null : person.id)}
                  >
                    {person.displayName}
                  </button>{' '}
                  <span class="muted">{t.roles[person.role]}</span> <Standing person={person} />
                </p>
                <p class="muted">
                  {person.identities.map((identity) => `${identity.provider}:${identity.subject}`).join(', ')} · {t.commentCount(person.commentCount)}
                </p>
              </div>
              {openId === person.id && (
                <PersonPanel userId={person.id} own={person.id === myId} onChanged={(next) => list.replace((item) => item.id === person.id, next)} />
              )}
            </li>
          ))}
        </ul>
      </PagedList>
    </div>
  );
}

function Standing({ person }: { person: PersonView }) {
  const { t, lang } = useConsole();
  if (!person.bannedAt) return null;
  return <span class="badge badge-reject standing">{person.bannedUntil ? t.suspendedUntil(absoluteTime(person.bannedUntil, lang)) : t.bannedForGood}</span>;
}

function PersonPanel({ userId, own, onChanged }: { userId: string; own: boolean; onChanged: (person: PersonView) => void }) {
  const { t, lang, api, say, fail } = useConsole();
  const [person, setPerson] = useState<PersonDetail | null>(null);
  const [role, setRole] = useState<SiteRole>('reader');
  const [reason, setReason] = useState('');
  const [banOpen, setBanOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLDivElement>(null);

  const reload = async (): Promise<PersonDetail | null> => {
    try {
      const next = await api.person(userId);
      setPerson(next);
      if (next.role !== 'operator') setRole(next.role);
      onChanged(next);
      return next;
    } catch (failure) {
      fail(failure);
      return null;
    }
  };

  useEffect(() => {
    void reload().then(() => panel.current?.focus());
  }, [userId]);

  if (!person) return <p class="muted">{t.loading}</p>;

  const act = async (action: () => Promise<unknown>, done: (name: string) => string): Promise<void> => {
    setBusy(true);
    try {
      await action();
      setReason('');
      await reload();
      say(done(person.displayName));
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const reasonId = `person-reason-${userId}`;
  const roleId = `person-role-${userId}`;
  return (
    <div class="person-panel" ref={panel} tabIndex={-1} aria-label={person.displayName}>
      <p class="muted">
        {t.identities}: {person.identities.map((identity) => `${identity.provider}:${identity.subject}`).join(', ')} ·{' '}
        {t.memberSince(absoluteTime(person.createdAt, lang))} · id <code>{person.id}</code>
      </p>
      {!own && person.role !== 'operator' && (
        <div class="person-actions">
          <div class="field">
            <label for={reasonId}>{t.reason}</label>
            <input id={reasonId} type="text" maxLength={500} value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
          </div>
          <form
            class="inline-field"
            onSubmit={(event) => {
              event.preventDefault();
              void act(
                () => api.setRole(userId, role, reason.trim()),
                (name) => t.roleChanged(name, t.siteRoles[role]),
              );
            }}
          >
            <div class="field">
              <label for={roleId}>{t.changeRole}</label>
              <select id={roleId} value={role} onChange={(event) => setRole(event.currentTarget.value as SiteRole)}>
                {ROLES.map((option) => (
                  <option key={option} value={option}>
                    {t.siteRoles[option]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" class="button" disabled={busy || role === person.role}>
              {t.setRole}
            </button>
          </form>
          <div class="form-buttons">
            {person.bannedAt ? (
              <button
                type="button"
                class="button button-approve"
                disabled={busy}
                onClick={() => void act(() => api.liftBan(userId, reason.trim()), t.banLifted)}
              >
                {t.liftBan}
              </button>
            ) : (
              <button type="button" class="button button-danger" disabled={busy} aria-expanded={banOpen} onClick={() => setBanOpen(!banOpen)}>
                {t.banPerson}
              </button>
            )}
          </div>
          {banOpen && !person.bannedAt && (
            <BanForm
              authorName={person.displayName}
              onSubmit={async (ban) => {
                try {
                  const answer = await api.banPerson(userId, ban);
                  setBanOpen(false);
                  await reload();
                  say(t.banned(person.displayName, answer.suspendedUntil ? absoluteTime(answer.suspendedUntil, lang) : null));
                  return null;
                } catch (failure) {
                  return describeError(failure, t, lang).message;
                }
              }}
              onCancel={() => setBanOpen(false)}
            />
          )}
        </div>
      )}
      <h4>{t.standingHistory}</h4>
      {person.history.length === 0 ? (
        <p class="muted">{t.noHistory}</p>
      ) : (
        <ul class="history-list">
          {person.history.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <LogEntryLine entry={entry} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
