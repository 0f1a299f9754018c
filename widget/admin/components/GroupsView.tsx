import { useEffect, useState } from 'preact/hooks';
import type { ArticleGroupView } from '@/contract/article-groups.js';
import { useConsole } from '../admin-text.js';

/** The desk's saved article groups (a story told over several articles): create, delete, open in the desk. */
export function GroupsView() {
  const { t, api, say, fail } = useConsole();
  const [groups, setGroups] = useState<ArticleGroupView[] | null>(null);
  const [name, setName] = useState('');
  const [ids, setIds] = useState('');
  const [busy, setBusy] = useState(false);

  const reload = (): void => {
    api.groups().then((answer) => setGroups(answer.groups), fail);
  };
  useEffect(reload, []);

  const run = async (action: () => Promise<unknown>, done: string): Promise<void> => {
    setBusy(true);
    try {
      await action();
      say(done);
      reload();
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  const deskLink = (groupId: string): string => {
    const params = new URLSearchParams(location.search);
    params.delete('section');
    params.set('group', groupId);
    return `/moderate?${params}`;
  };

  return (
    <div class="console-section">
      <h2>{t.groupsHeading}</h2>
      <form
        class="stacked-form"
        onSubmit={(event) => {
          event.preventDefault();
          const articleIds = ids.split(/[\s,]+/u).filter(Boolean);
          void run(() => api.createGroup(name.trim(), articleIds), t.groupCreated(name.trim())).then(() => {
            setName('');
            setIds('');
          });
        }}
      >
        <div class="field">
          <label for="group-name">{t.groupName}</label>
          <input id="group-name" type="text" required maxLength={100} value={name} onInput={(event) => setName(event.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="group-articles">{t.groupArticles}</label>
          <textarea id="group-articles" rows={2} required value={ids} onInput={(event) => setIds(event.currentTarget.value)} />
        </div>
        <div class="form-buttons">
          <button type="submit" class="button button-primary" disabled={busy || !name.trim() || !ids.trim()}>
            {t.createGroup}
          </button>
        </div>
      </form>
      {groups === null && <p class="muted">{t.loading}</p>}
      {groups?.length === 0 && <p class="empty">{t.nothingFound}</p>}
      <ul class="rows">
        {groups?.map((group) => (
          <li key={group.id} class="row">
            <div class="row-main">
              <p class="row-title">{group.name}</p>
              <p class="muted">{group.articleIds.join(', ')}</p>
            </div>
            <div class="row-actions">
              <a class="button button-quiet" href={deskLink(group.id)}>
                {t.openInDesk}
              </a>
              <button
                type="button"
                class="button button-danger"
                disabled={busy}
                onClick={() => void run(() => api.deleteGroup(group.id), t.groupDeleted(group.name))}
              >
                {t.deleteGroup(group.name)}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
