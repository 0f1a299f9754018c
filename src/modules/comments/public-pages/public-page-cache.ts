import { createHash } from 'node:crypto';
import { type SiteScope, siteArticleKey } from '@/modules/sites/site-scope.js';
import { Inject, Injectable } from '@nestjs/common';
import { InvalidatedCache } from '@/common/caching/invalidated-cache.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';

/**
 * A page as it goes on the wire: its JSON as UTF-8 bytes and the ETag a 304 is answered against.
 * Bytes, not text: a cached page is encoded once, not measured and encoded again for every reader
 * (for 20 Korean comments that is most of what an answer from memory costs).
 */
export interface SerializedPage {
  body: Buffer;
  etag: string;
}

export function serializePage(page: object): SerializedPage {
  const body = Buffer.from(JSON.stringify(page), 'utf8');
  return { body, etag: `W/"${createHash('sha1').update(body).digest('base64url')}"` };
}

/**
 * The public (anonymous) pages of comment lists, kept per article on this instance and dropped for
 * an article the moment any instance announces a change a reader could see there (see
 * CommentChangeFeed). Page views of a busy story are then answered from memory, 304s included.
 */
@Injectable()
export class PublicPageCache {
  /** Undefined when PAGE_CACHE_MB is 0: every page is read from the database. */
  private readonly pages: InvalidatedCache<SerializedPage> | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.pageCache.maxBytes === 0) return;
    this.pages = new InvalidatedCache<SerializedPage>({
      maxSize: config.pageCache.maxBytes,
      // The bytes, the ETag and bookkeeping.
      sizeOf: (page) => page.body.byteLength + 200,
      ttlMs: config.pageCache.ttlSeconds * 1000,
      maxGroups: 100_000,
    });
  }

  async page(scope: SiteScope, articleId: string, key: string, load: () => Promise<SerializedPage>): Promise<SerializedPage> {
    if (!this.pages) return load();
    return (await this.pages.get(siteArticleKey(scope, articleId), key, load))!;
  }

  /** Every cached page of the article under `articleKey` (`siteArticleKey`) is stale from now on. */
  invalidate(articleKey: string): void {
    this.pages?.invalidate(articleKey);
  }

  clear(): void {
    this.pages?.clear();
  }
}
