import { useState } from 'preact/hooks';
import type { ArticleView } from '@/contract/articles.js';
import type { ArticleEdit } from '../api/admin-api.js';
import type { ArticleListItem, ArticleState } from '../api/admin-types.js';
import { useConsole } from '../admin-text.js';
import { usePaged } from '../use-paged.js';
import { PagedList, SearchForm } from './PagedList.js';

const STATES: ArticleState[] = ['open', 'closed', 'premoderated', 'memorial'];

interface ArticleQuery {
  search: string;
  state: ArticleState | '';
  section: string;
}

function editOf(article: ArticleView): ArticleEdit {
  const { title, url, section, commentsOpen, premoderation, memorial } = article;
  return { title, url, section, commentsOpen, premoderation, memorial };
}

/** The site's articles: search, counts and status; register one; open or close it, premoderate it, file it in a section. */
export function ArticlesView() {
  const { t, api, fail } = useConsole();
  const [query, setQuery] = useState<ArticleQuery>({ search: '', state: '', section: '' });
  const [draft, setDraft] = useState<ArticleQuery>(query);
  const list = usePaged(JSON.stringify(query), (cursor) => api.articles(query.search, query.state, query.section, cursor), fail);

  return (
    <div class="console-section">
      <h2>{t.articlesHeading}</h2>
      <SearchForm
        onSearch={() => {
          setQuery(draft);
        }}
        buttons={
          <button type="submit" class="button button-primary">
            {t.search}
          </button>
        }
      >
        <div class="field">
          <label for="article-search">{t.articleSearch}</label>
          <input id="article-search" type="search" value={draft.search} onInput={(event) => setDraft({ ...draft, search: event.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="article-state">{t.articleState}</label>
          <select id="article-state" value={draft.state} onChange={(event) => setDraft({ ...draft, state: event.currentTarget.value as ArticleState | '' })}>
            <option value="">{t.anyState}</option>
            {STATES.map((state) => (
              <option key={state} value={state}>
                {t.articleStates[state]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="article-section-filter">{t.articleSection}</label>
          <input
            id="article-section-filter"
            type="text"
            value={draft.section}
            onInput={(event) => setDraft({ ...draft, section: event.currentTarget.value })}
          />
        </div>
      </SearchForm>

      <NewArticleForm onCreated={() => list.reload()} />

      <PagedList list={list}>
        <ul class="rows">
          {list.items.map((article) => (
            <ArticleRow
              key={article.id}
              article={article}
              onChanged={(next) => list.replace((item) => item.id === article.id, { ...next, pendingCount: article.pendingCount })}
            />
          ))}
        </ul>
      </PagedList>
    </div>
  );
}

function ArticleRow({ article, onChanged }: { article: ArticleListItem; onChanged: (article: ArticleView) => void }) {
  const { t, api, say, fail } = useConsole();
  const [busy, setBusy] = useState(false);
  const [section, setSection] = useState(article.section ?? '');
  const status = article.status;

  const save = async (change: Partial<ArticleEdit>): Promise<void> => {
    setBusy(true);
    try {
      const saved = await api.saveArticle(article.id, { ...editOf(article), ...change });
      onChanged(saved);
      say(t.articleSaved(article.id));
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  // Closed by its editors needs no more words; a window that ended or an automatic closing does.
  const why = status.closedReason && status.closedReason !== 'closed' ? ` (${t.closedReasons[status.closedReason]})` : '';
  const states: string[] = [status.open ? t.articleStates.open : t.articleStates.closed + why];
  if (status.premoderated) states.push(t.articleStates.premoderated);
  if (article.memorial) states.push(t.articleStates.memorial);
  const sectionId = `article-section-${article.id}`;

  return (
    <li class="row article-row" data-article-id={article.id}>
      <div class="row-main">
        <p class="row-title">
          <a href={article.url}>{article.title}</a> <span class="muted">{article.id}</span>
        </p>
        <p class="muted">
          <span class="article-status">{states.join(' · ')}</span> · {t.articleCounts(article.commentCount, article.pendingCount)}
        </p>
      </div>
      <div class="row-actions" role="group" aria-label={t.actionsFor(article.title)}>
        <button type="button" class="button" disabled={busy} onClick={() => void save({ commentsOpen: !article.commentsOpen })}>
          {article.commentsOpen ? t.closeComments : t.openComments}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => void save({ premoderation: !article.premoderation })}>
          {article.premoderation ? t.premoderationOff : t.premoderationOn}
        </button>
        <form
          class="inline-field"
          onSubmit={(event) => {
            event.preventDefault();
            void save({ section: section.trim() || null });
          }}
        >
          <label for={sectionId} class="sr-only">
            {t.sectionFor(article.id)}
          </label>
          <input
            id={sectionId}
            type="text"
            value={section}
            maxLength={64}
            placeholder={t.editSection}
            onInput={(event) => setSection(event.currentTarget.value)}
          />
          <button type="submit" class="button button-quiet" disabled={busy}>
            {t.saveSection}
          </button>
        </form>
      </div>
    </li>
  );
}

const EMPTY_ARTICLE = { id: '', title: '', url: '', section: '', commentsOpen: true, premoderation: false };

function NewArticleForm({ onCreated }: { onCreated: () => void }) {
  const { t, api, say, fail } = useConsole();
  const [form, setForm] = useState(EMPTY_ARTICLE);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<typeof EMPTY_ARTICLE>) => setForm({ ...form, ...change });

  const submit = async (): Promise<void> => {
    setBusy(true);
    try {
      const { id, section, ...rest } = form;
      await api.saveArticle(id.trim(), { ...rest, title: rest.title.trim(), url: rest.url.trim(), section: section.trim() || null, memorial: false });
      say(t.articleCreated(id.trim()));
      setForm(EMPTY_ARTICLE);
      onCreated();
    } catch (failure) {
      fail(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="new-article">
      <summary>{t.newArticle}</summary>
      <form
        class="stacked-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <div class="field">
          <label for="new-article-id">{t.articleId}</label>
          <input
            id="new-article-id"
            type="text"
            required
            pattern="[A-Za-z0-9._:\-]{1,128}"
            value={form.id}
            onInput={(event) => set({ id: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="new-article-title">{t.articleTitle}</label>
          <input
            id="new-article-title"
            type="text"
            required
            maxLength={300}
            value={form.title}
            onInput={(event) => set({ title: event.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="new-article-url">{t.articleUrl}</label>
          <input id="new-article-url" type="url" required value={form.url} onInput={(event) => set({ url: event.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="new-article-section">{t.articleSection}</label>
          <input id="new-article-section" type="text" maxLength={64} value={form.section} onInput={(event) => set({ section: event.currentTarget.value })} />
        </div>
        <label class="choice">
          <input type="checkbox" checked={form.commentsOpen} onChange={(event) => set({ commentsOpen: event.currentTarget.checked })} />
          {t.commentsOpen}
        </label>
        <label class="choice">
          <input type="checkbox" checked={form.premoderation} onChange={(event) => set({ premoderation: event.currentTarget.checked })} />
          {t.premoderation}
        </label>
        <div class="form-buttons">
          <button type="submit" class="button button-primary" disabled={busy}>
            {t.createArticle}
          </button>
        </div>
      </form>
    </details>
  );
}
