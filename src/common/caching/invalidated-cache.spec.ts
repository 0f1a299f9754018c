import { describe, expect, it } from '@jest/globals';
import { InvalidatedCache } from './invalidated-cache.js';

const aCache = (options: Partial<{ maxSize: number; maxGroups: number }> = {}) =>
  new InvalidatedCache<{ text: string }>({
    maxSize: options.maxSize ?? 1_000,
    sizeOf: (value) => value.text.length,
    ttlMs: 60_000,
    maxGroups: options.maxGroups ?? 100,
  });

/** A load that resolves when told to, counting its calls. */
function controlledLoad(text: string) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load = {
    calls: 0,
    release: () => release(),
    fn: async () => {
      load.calls++;
      await gate;
      return { text };
    },
  };
  return load;
}

describe('InvalidatedCache', () => {
  it('answers a second read from memory', async () => {
    const cache = aCache();
    let loads = 0;
    const load = () => Promise.resolve({ text: `v${++loads}` });
    expect(await cache.get('article', 'page', load)).toEqual({ text: 'v1' });
    expect(await cache.get('article', 'page', load)).toEqual({ text: 'v1' });
    expect(loads).toBe(1);
  });

  it("drops every entry of a group on invalidation, and only that group's", async () => {
    const cache = aCache();
    let loads = 0;
    const load = () => Promise.resolve({ text: `v${++loads}` });
    await cache.get('a', 'p1', load);
    await cache.get('a', 'p2', load);
    await cache.get('b', 'p1', load);
    cache.invalidate('a');
    expect(await cache.get('a', 'p1', load)).toEqual({ text: 'v4' });
    expect(await cache.get('a', 'p2', load)).toEqual({ text: 'v5' });
    expect(await cache.get('b', 'p1', load)).toEqual({ text: 'v3' });
  });

  it('shares one load among concurrent misses of a key', async () => {
    const cache = aCache();
    const load = controlledLoad('page');
    const reads = [1, 2, 3, 4].map(() => cache.get('a', 'p', load.fn));
    load.release();
    expect(await Promise.all(reads)).toEqual(Array(4).fill({ text: 'page' }));
    expect(load.calls).toBe(1);
  });

  it('answers but never keeps a load that an invalidation overtook', async () => {
    const cache = aCache();
    const stale = controlledLoad('before the change');
    const reading = cache.get('a', 'p', stale.fn);
    cache.invalidate('a');
    // A read after the invalidation does not join the load that started before it.
    const fresh = cache.get('a', 'p', () => Promise.resolve({ text: 'after the change' }));
    stale.release();
    expect(await reading).toEqual({ text: 'before the change' });
    expect(await fresh).toEqual({ text: 'after the change' });
    expect(await cache.get('a', 'p', () => Promise.resolve({ text: 'reloaded' }))).toEqual({ text: 'after the change' });
  });

  it('keeps nothing for a load that found nothing', async () => {
    const cache = aCache();
    expect(await cache.get('a', 'p', () => Promise.resolve(null))).toBeNull();
    expect(await cache.get('a', 'p', () => Promise.resolve({ text: 'now there' }))).toEqual({ text: 'now there' });
  });

  it('never revives an entry whose group generation was forgotten', async () => {
    const cache = aCache({ maxGroups: 1 });
    await cache.get('a', 'p', () => Promise.resolve({ text: 'old' }));
    await cache.get('b', 'p', () => Promise.resolve({ text: 'b' })); // pushes a's generation out
    expect(await cache.get('a', 'p', () => Promise.resolve({ text: 'new' }))).toEqual({ text: 'new' });
  });

  it('stays within its size, dropping the least recently used', async () => {
    const cache = aCache({ maxSize: 10 });
    await cache.get('a', '1', () => Promise.resolve({ text: '123456' }));
    await cache.get('a', '2', () => Promise.resolve({ text: '123456' }));
    expect(cache.size).toBe(1);
    expect(await cache.get('a', '1', () => Promise.resolve({ text: 'reloaded' }))).toEqual({ text: 'reloaded' });
  });

  it('drops everything on clear', async () => {
    const cache = aCache();
    await cache.get('a', 'p', () => Promise.resolve({ text: 'old' }));
    cache.clear();
    expect(await cache.get('a', 'p', () => Promise.resolve({ text: 'new' }))).toEqual({ text: 'new' });
  });
});
