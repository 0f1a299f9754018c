import { useEffect, useRef, useState } from 'preact/hooks';
import { absoluteTime } from '@widget/shared/i18n/relative-time.js';
import type { PolicyRules } from '../api/admin-api.js';
import type { PolicyVersionDiff } from '../api/admin-types.js';
import { useConsole } from '../admin-text.js';
import { usePaged } from '../use-paged.js';
import { PagedList } from './PagedList.js';

/** The policy's versions, newest first: who made each and why, what it changed, and a way back to it. */
export function PolicyVersions({ current, onRolledBack }: { current: number; onRolledBack: (rules: PolicyRules) => void }) {
  const { t, lang, api, fail } = useConsole();
  const versions = usePaged('versions', (cursor) => api.versions(cursor), fail);
  const [diff, setDiff] = useState<PolicyVersionDiff | null>(null);
  const [rollingBack, setRollingBack] = useState<number | null>(null);

  const showDiff = (version: number): void => {
    api.diff(version, version - 1).then(setDiff, fail);
  };

  return (
    <section class="versions" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t.versionsHeading}</h3>
      <PagedList list={versions}>
        <ol class="rows">
          {versions.items.map((item) => (
            <li key={item.version} class="row version-row" data-version={item.version}>
              <div class="row-main">
                <p class="row-title">
                  {t.versionLine(item.version)} {item.version === current && <span class="badge badge-status-published">{t.inForce}</span>}
                </p>
                <p class="muted">
                  {t.versionBy(item.createdBy?.displayName ?? null, absoluteTime(item.createdAt, lang))}
                  {item.reason && ` · ${item.reason}`}
                </p>
              </div>
              <div class="row-actions">
                {item.version > 1 && (
                  <button type="button" class="button button-quiet" onClick={() => showDiff(item.version)}>
                    {t.showDiff(item.version)}
                  </button>
                )}
                {item.version !== current && (
                  <button type="button" class="button" onClick={() => setRollingBack(item.version)}>
                    {t.rollBack(item.version)}
                  </button>
                )}
              </div>
              {rollingBack === item.version && (
                <RollbackForm
                  version={item.version}
                  onDone={(rules) => {
                    setRollingBack(null);
                    onRolledBack(rules);
                  }}
                  onCancel={() => setRollingBack(null)}
                />
              )}
            </li>
          ))}
        </ol>
      </PagedList>
      {diff && <DiffView diff={diff} />}
    </section>
  );
}

function RollbackForm({ version, onDone, onCancel }: { version: number; onDone: (rules: PolicyRules) => void; onCancel: () => void }) {
  const { t, api, say, fail } = useConsole();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      const rules = await api.rollback(version, reason.trim());
      say(t.rolledBack(rules.version, version));
      onDone(rules);
    } catch (failure) {
      fail(failure);
      setBusy(false);
    }
  };

  return (
    <form
      class="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <div class="field">
        <label for={`rollback-reason-${version}`}>{t.rollbackReason}</label>
        <input
          ref={input}
          id={`rollback-reason-${version}`}
          type="text"
          maxLength={500}
          value={reason}
          onInput={(event) => setReason(event.currentTarget.value)}
        />
      </div>
      <div class="form-buttons">
        <button type="submit" class="button button-danger" disabled={busy}>
          {t.confirmRollback}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function DiffView({ diff }: { diff: PolicyVersionDiff }) {
  const { t } = useConsole();
  const empty = diff.rules.length === 0 && diff.terms.length === 0;
  const listName = (list: string) => (t.termLists as Record<string, string>)[list] ?? list;
  return (
    <section class="diff" aria-labelledby="diff-heading" tabIndex={-1}>
      <h4 id="diff-heading">{t.diffHeading(diff.from, diff.to)}</h4>
      {empty && <p class="muted">{t.noDiff}</p>}
      <ul>
        {diff.terms.flatMap((change) => [
          change.added.length > 0 && (
            <li key={`${change.list}+`} class="diff-added">
              {t.termsAdded(listName(change.list), change.added.join(', '))}
            </li>
          ),
          change.removed.length > 0 && (
            <li key={`${change.list}-`} class="diff-removed">
              {t.termsRemoved(listName(change.list), change.removed.join(', '))}
            </li>
          ),
        ])}
        {diff.rules.map((rule) => (
          <li key={rule.path} class="diff-rule">
            <code>{rule.path}</code>: <del>{JSON.stringify(rule.before)}</del> → <ins>{JSON.stringify(rule.after)}</ins>
          </li>
        ))}
      </ul>
    </section>
  );
}
