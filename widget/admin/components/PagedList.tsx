import type { ComponentChildren } from 'preact';
import { useConsole } from '../admin-text.js';
import type { Paged } from '../use-paged.js';

/** A paged list's rows (`children`), with what it says while loading and when nothing matched, and its "more" button. */
export function PagedList<T>({ list, children }: { list: Paged<T>; children: ComponentChildren }) {
  const { t } = useConsole();
  return (
    <>
      {list.state === 'loading' && <p class="muted">{t.loading}</p>}
      {list.state === 'ready' && list.items.length === 0 && <p class="empty">{t.nothingFound}</p>}
      {children}
      {list.nextCursor && (
        <button type="button" class="button load-more" onClick={list.loadMore}>
          {t.loadMore}
        </button>
      )}
    </>
  );
}

/** A list's filters: the fields (`children`), then `buttons`; submitting calls `onSearch` instead of loading a page. */
export function SearchForm({ onSearch, buttons, children }: { onSearch: () => void; buttons: ComponentChildren; children: ComponentChildren }) {
  return (
    <form
      class="filters"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch();
      }}
    >
      {children}
      <div class="form-buttons">{buttons}</div>
    </form>
  );
}
