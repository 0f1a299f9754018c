import { useEffect, useRef, useState } from 'preact/hooks';
import type { Page } from './api/admin-types.js';

export interface Paged<T> {
  items: T[];
  state: 'loading' | 'ready' | 'error';
  nextCursor: string | null;
  loadMore: () => void;
  reload: () => void;
  /** Puts a changed row in place of the one it replaces. */
  replace: (matches: (item: T) => boolean, next: T) => void;
}

/**
 * A list read page by page; `key` names the query (a new search starts over). An answer that comes
 * back after a newer query was asked is dropped.
 */
export function usePaged<T>(key: string, fetchPage: (cursor: string | null) => Promise<Page<T>>, onFailure: (failure: unknown) => void): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [state, setState] = useState<Paged<T>['state']>('loading');
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const asked = useRef(0);

  const load = (cursor: string | null): void => {
    const ask = ++asked.current;
    if (!cursor) setState('loading');
    fetchPage(cursor).then(
      (page) => {
        if (ask !== asked.current) return;
        setItems((current) => (cursor ? [...current, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
        setState('ready');
      },
      (failure: unknown) => {
        if (ask !== asked.current) return;
        setState('error');
        onFailure(failure);
      },
    );
  };

  useEffect(() => load(null), [key, generation]);

  return {
    items,
    state,
    nextCursor,
    loadMore: () => nextCursor && load(nextCursor),
    reload: () => setGeneration((value) => value + 1),
    replace: (matches, next) => setItems((current) => current.map((item) => (matches(item) ? next : item))),
  };
}
