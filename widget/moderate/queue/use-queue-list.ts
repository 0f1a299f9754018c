import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ModerationApi } from '../api/moderation-api.js';
import type { ModerationQueue, QueueItem } from '@/contract/moderation-queue.js';
import type { QueueFilters } from './queue-filters.js';

const PAGE = 20;
/** The most one request may fetch (the API's limit). */
const MOST = 100;

export interface QueueList {
  items: QueueItem[];
  nextCursor: string | null;
  state: 'loading' | 'ready' | 'error';
  error: unknown;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
  /**
   * Fetches what is shown again and replaces it: new arrivals appear, decided items leave, claims
   * update. Calls while one runs are folded into one more run. Resolves to the ids that are new.
   */
  refresh: () => Promise<string[]>;
  remove: (ids: readonly string[]) => void;
  patch: (id: string, change: Partial<QueueItem>) => void;
}

/**
 * One queue, oldest first, a page at a time by cursor. A new queue or new filters fetch the first
 * page again; answers for an older list (or overtaken by a refresh) are dropped.
 */
export function useQueueList(api: ModerationApi, queue: ModerationQueue, filters: QueueFilters, onFailure: (error: unknown) => void): QueueList {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [state, setState] = useState<QueueList['state']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const itemsRef = useRef<QueueItem[]>([]);
  const cursorRef = useRef<string | null>(null);
  const query = useRef({ queue, filters });
  query.current = { queue, filters };
  const failureRef = useRef(onFailure);
  failureRef.current = onFailure;
  const refreshing = useRef<{ running: Promise<string[]>; again: boolean } | null>(null);
  /** The list's first page is on screen: only then is anything a refresh finds "new". */
  const loaded = useRef(false);

  const show = (next: QueueItem[], cursor: string | null): void => {
    itemsRef.current = next;
    cursorRef.current = cursor;
    setItems(next);
    setNextCursor(cursor);
  };

  useEffect(() => {
    const mine = ++generation.current;
    loaded.current = false;
    setState('loading');
    setError(null);
    show([], null);
    api.queue(queue, { limit: PAGE, filters }).then(
      (page) => {
        if (mine !== generation.current) return;
        show(page.items, page.nextCursor);
        loaded.current = true;
        setState('ready');
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        failureRef.current(failure);
        setError(failure);
        setState('error');
      },
    );
  }, [queue, JSON.stringify(filters)]);

  const loadMore = useCallback(async () => {
    const cursor = cursorRef.current;
    if (!cursor) return;
    const mine = generation.current;
    setLoadingMore(true);
    try {
      const page = await api.queue(query.current.queue, { limit: PAGE, cursor, filters: query.current.filters });
      if (mine !== generation.current) return;
      const known = new Set(itemsRef.current.map((item) => item.comment.id));
      show([...itemsRef.current, ...page.items.filter((item) => !known.has(item.comment.id))], page.nextCursor);
    } catch (failure) {
      if (mine === generation.current) failureRef.current(failure);
    } finally {
      setLoadingMore(false);
    }
  }, []);

  const refreshOnce = async (): Promise<string[]> => {
    const mine = ++generation.current;
    const wasLoaded = loaded.current;
    // As many as are shown, so a refresh does not shorten the list (past 100, "load more" goes on from there).
    const limit = Math.min(MOST, Math.max(PAGE, itemsRef.current.length));
    try {
      const page = await api.queue(query.current.queue, { limit, filters: query.current.filters });
      if (mine !== generation.current) return [];
      const known = new Set(itemsRef.current.map((item) => item.comment.id));
      show(page.items, page.nextCursor);
      loaded.current = true;
      setState('ready');
      setError(null);
      return wasLoaded ? page.items.map((item) => item.comment.id).filter((id) => !known.has(id)) : [];
    } catch (failure) {
      // What is shown stays; the next event or action tries again.
      if (mine === generation.current) failureRef.current(failure);
      return [];
    }
  };

  const refresh = useCallback(async (): Promise<string[]> => {
    if (refreshing.current) {
      refreshing.current.again = true;
      return refreshing.current.running;
    }
    const run = async (): Promise<string[]> => {
      const added = new Set<string>();
      do {
        refreshing.current!.again = false;
        for (const id of await refreshOnce()) added.add(id);
      } while (refreshing.current!.again);
      return [...added];
    };
    refreshing.current = { running: Promise.resolve([]), again: false };
    const running = run().finally(() => (refreshing.current = null));
    refreshing.current.running = running;
    return running;
  }, []);

  const remove = useCallback((ids: readonly string[]) => {
    show(
      itemsRef.current.filter((item) => !ids.includes(item.comment.id)),
      cursorRef.current,
    );
  }, []);

  const patch = useCallback((id: string, change: Partial<QueueItem>) => {
    show(
      itemsRef.current.map((item) => (item.comment.id === id ? { ...item, ...change } : item)),
      cursorRef.current,
    );
  }, []);

  return { items, nextCursor, state, error, loadingMore, loadMore, refresh, remove, patch };
}
