import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CommentPage, CommentView } from '@/contract/comments.js';

export interface PagedComments {
  comments: CommentView[];
  nextCursor: string | null;
  state: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  loadingMore: boolean;
  load: () => Promise<void>;
  loadMore: () => Promise<void>;
  /** Folds a fresh first page in: known comments are updated, unknown ones optionally put on top. */
  merge: (page: CommentPage, addNewOnTop: boolean) => void;
  add: (comment: CommentView, where: 'start' | 'end') => void;
  update: (id: string, change: Partial<CommentView>) => void;
  remove: (id: string) => void;
}

/**
 * A list of comments fetched a page at a time by cursor. `listKey` names what is listed (sort,
 * viewer): when it changes the first page is fetched again, and answers for an older key are dropped.
 */
export function usePagedComments(
  fetchPage: (cursor: string | null, fresh: boolean) => Promise<CommentPage>,
  listKey: string,
  loadAtOnce: boolean,
): PagedComments {
  const [comments, setComments] = useState<CommentView[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<PagedComments['state']>(loadAtOnce ? 'loading' : 'idle');
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const cursorRef = useRef<string | null>(null);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState('loading');
    setError(null);
    try {
      // Only the very first load may come from the browser's cache: later ones follow a change.
      const page = await fetchRef.current(null, mine > 1);
      if (mine !== generation.current) return;
      setComments(page.comments);
      setNextCursor((cursorRef.current = page.nextCursor));
      setState('ready');
    } catch (failure) {
      if (mine !== generation.current) return;
      setError(failure);
      setState('error');
    }
  }, []);

  useEffect(() => {
    // What is shown stays until the new list replaces it, so comments keep their place (and their
    // open replies) when the reader logs in or out.
    setNextCursor((cursorRef.current = null));
    if (loadAtOnce) void load();
    else setState('idle');
    // listKey stands for everything the fetch depends on.
  }, [listKey]);

  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current;
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    setError(null);
    try {
      const page = await fetchRef.current(cursor, false);
      if (mine !== generation.current) return;
      // Comments posted meanwhile may already be on screen: never show one twice.
      setComments((current) => [...current, ...page.comments.filter((comment) => !current.some((known) => known.id === comment.id))]);
      setNextCursor((cursorRef.current = page.nextCursor));
    } catch (failure) {
      if (mine === generation.current) setError(failure);
    } finally {
      setLoadingMore(false);
    }
  }, []);

  const merge = useCallback((page: CommentPage, addNewOnTop: boolean) => {
    setComments((current) => {
      const fresh = new Map(page.comments.map((comment) => [comment.id, comment]));
      const updated = current.map((comment) => fresh.get(comment.id) ?? comment);
      if (!addNewOnTop) return updated;
      const added = page.comments.filter((comment) => !current.some((known) => known.id === comment.id));
      return added.length ? [...added, ...updated] : updated;
    });
  }, []);

  const add = useCallback((comment: CommentView, where: 'start' | 'end') => {
    setComments((current) => {
      const rest = current.filter((known) => known.id !== comment.id);
      return where === 'start' ? [comment, ...rest] : [...rest, comment];
    });
  }, []);

  const update = useCallback((id: string, change: Partial<CommentView>) => {
    setComments((current) => current.map((comment) => (comment.id === id ? { ...comment, ...change } : comment)));
  }, []);

  const remove = useCallback((id: string) => {
    setComments((current) => current.filter((comment) => comment.id !== id));
  }, []);

  return { comments, nextCursor, state, error, loadingMore, load, loadMore, merge, add, update, remove };
}
