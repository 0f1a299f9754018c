import { useState } from 'preact/hooks';
import { LOG_ACTIONS, type LogEntryView } from '@/contract/moderation-log.js';
import { absoluteTime } from '@widget/shared/i18n/relative-time.js';
import type { LogFilters } from '../api/admin-api.js';
import { useConsole } from '../admin-text.js';
import { usePaged } from '../use-paged.js';
import { PagedList, SearchForm } from './PagedList.js';

const NO_FILTERS: LogFilters = { action: '', actorId: '', articleId: '', since: '', until: '' };

/** A day picked in the form as the API takes it: from its first moment, or up to its last (UTC). */
function dayBound(day: string, end: boolean): string {
  return day ? `${day}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : '';
}

/** The moderation log, as the service pages it, filtered by action, actor, article and time. */
export function LogView() {
  const { t, api, fail } = useConsole();
  const [form, setForm] = useState<LogFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<LogFilters>(NO_FILTERS);
  const log = usePaged(
    JSON.stringify(filters),
    (cursor) => api.log(filters, cursor).then((page) => ({ items: page.entries, nextCursor: page.nextCursor })),
    fail,
  );
  const set = (change: Partial<LogFilters>) => setForm({ ...form, ...change });

  return (
    <div class="console-section">
      <h2>{t.logHeading}</h2>
      <SearchForm
        onSearch={() => {
          setFilters({ ...form, since: dayBound(form.since, false), until: dayBound(form.until, true) });
        }}
        buttons={
          <>
            <button type="submit" class="button button-primary">
              {t.applyFilters}
            </button>
            <button
              type="button"
              class="button button-quiet"
              onClick={() => {
                setForm(NO_FILTERS);
                setFilters(NO_FILTERS);
              }}
            >
              {t.clear}
            </button>
          </>
        }
      >
        <div class="field">
          <label for="log-action">{t.logAction}</label>
          <select id="log-action" value={form.action} onChange={(event) => set({ action: event.currentTarget.value })}>
            <option value="">{t.anyState}</option>
            {LOG_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t.logActions[action]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="log-actor">{t.logActor}</label>
          <input id="log-actor" type="text" value={form.actorId} onInput={(event) => set({ actorId: event.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="log-article">{t.logArticle}</label>
          <input id="log-article" type="text" value={form.articleId} onInput={(event) => set({ articleId: event.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="log-since">{t.logSince}</label>
          <input id="log-since" type="date" value={form.since} onInput={(event) => set({ since: event.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="log-until">{t.logUntil}</label>
          <input id="log-until" type="date" value={form.until} onInput={(event) => set({ until: event.currentTarget.value })} />
        </div>
      </SearchForm>
      <PagedList list={log}>
        <ol class="rows log-entries">
          {log.items.map((entry, index) => (
            <li key={`${entry.at}-${index}`} class="row log-entry" data-action={entry.action}>
              <LogEntryLine entry={entry} />
            </li>
          ))}
        </ol>
      </PagedList>
    </div>
  );
}

/** One log entry in a line: when, who, what, on what, why. */
export function LogEntryLine({ entry }: { entry: LogEntryView }) {
  const { t, lang } = useConsole();
  const target = entry.commentId ?? entry.targetUserId ?? articleOf(entry.details) ?? '';
  return (
    <p class="log-line">
      <time dateTime={entry.at}>{absoluteTime(entry.at, lang)}</time> · <span class="log-actor">{entry.actor.displayName}</span> ·{' '}
      <strong class="log-action">{t.logActions[entry.action] ?? entry.action}</strong>
      {target && <span class="muted"> · {target}</span>}
      {entry.reason && <span> · {entry.reason}</span>}
      {detailsText(entry.details) && <span class="muted"> · {detailsText(entry.details)}</span>}
    </p>
  );
}

function articleOf(details: unknown): string | null {
  const id = (details as { articleId?: unknown } | null)?.articleId;
  return typeof id === 'string' ? id : null;
}

/** The entry's details in short (`from → to` of a role or a version), when it has any worth a glance. */
function detailsText(details: unknown): string {
  if (!details || typeof details !== 'object') return '';
  const record = details as Record<string, unknown>;
  if ('from' in record && 'to' in record) return `${String(record.from)} → ${String(record.to)}`;
  if ('fromVersion' in record && 'toVersion' in record) return `v${String(record.fromVersion)} → v${String(record.toVersion)}`;
  return '';
}
