import { LRUCache } from 'lru-cache';
import type { Observable, Subscription } from 'rxjs';
import { RESYNC } from '@/database/database-notifications.js';

export interface InvalidatedCacheOptions<V> {
  /** Bound on what the entries hold, as `sizeOf` counts it. */
  maxSize: number;
  sizeOf: (value: V) => number;
  /** An entry older than this is read again even if no invalidation came (one missed is not forever). */
  ttlMs: number;
  /** How many groups' generations are remembered; a forgotten group's entries simply miss. */
  maxGroups: number;
}

interface Entry<V> {
  value: V;
  generation: number;
}

/**
 * An in-process cache whose entries belong to a group (an article) and are dropped all at once when
 * the group is invalidated, in O(1): each group has a generation, and an entry is good only while
 * its generation is the group's current one. Generations come from one counter that only grows, so
 * a group whose generation was forgotten gets a new one, never an old one back.
 *
 * Loads are shared: concurrent misses of one key wait for one load (a busy article just invalidated
 * is read once, not once per request). A load that an invalidation overtook is answered but not
 * kept, so a page read before a change committed is never cached after the change was announced.
 */
export class InvalidatedCache<V extends object> {
  private readonly entries: LRUCache<string, Entry<V>>;
  private readonly generations: LRUCache<string, number>;
  private readonly loads = new Map<string, Promise<V | null>>();
  private lastGeneration = 0;

  constructor(options: InvalidatedCacheOptions<V>) {
    this.entries = new LRUCache<string, Entry<V>>({
      maxSize: options.maxSize,
      sizeCalculation: (entry) => Math.max(1, options.sizeOf(entry.value)),
      ttl: options.ttlMs,
    });
    this.generations = new LRUCache<string, number>({ max: options.maxGroups });
  }

  /** The cached value, or what `load` finds (null is answered and never kept). */
  async get(group: string, key: string, load: () => Promise<V | null>): Promise<V | null> {
    const generation = this.generationOf(group);
    const entryKey = `${group}\u0000${key}`;
    const entry = this.entries.get(entryKey);
    if (entry?.generation === generation) return entry.value;
    const loadKey = `${entryKey}\u0000${generation}`;
    let loading = this.loads.get(loadKey);
    if (!loading) {
      loading = load()
        .then((value) => {
          if (value !== null && this.generationOf(group) === generation) this.entries.set(entryKey, { value, generation });
          return value;
        })
        .finally(() => this.loads.delete(loadKey));
      this.loads.set(loadKey, loading);
    }
    return loading;
  }

  /** Every entry of `group` is stale from now on. */
  invalidate(group: string): void {
    this.generations.set(group, ++this.lastGeneration);
  }

  /** Everything is stale (the invalidations may have been missed). */
  clear(): void {
    this.entries.clear();
    this.generations.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private generationOf(group: string): number {
    let generation = this.generations.get(group);
    if (generation === undefined) {
      generation = ++this.lastGeneration;
      this.generations.set(group, generation);
    }
    return generation;
  }
}

/**
 * Keeps a cache in step with a NOTIFY channel whose payload is the group that changed; everything
 * goes after the listening connection was lost, since notifications may have been missed meanwhile.
 */
export function invalidateOnNotice(notices: Observable<string>, cache: Pick<InvalidatedCache<object>, 'invalidate' | 'clear'>): Subscription {
  return notices.subscribe((group) => {
    if (group === RESYNC) cache.clear();
    else cache.invalidate(group);
  });
}
