import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InvalidatedCache, invalidateOnNotice } from '@/common/caching/invalidated-cache.js';
import { DatabaseNotifications } from '@/database/database-notifications.js';
import { type SiteScope, siteArticleKey } from '@/modules/sites/site-scope.js';
import type { ArticleRecord } from './articles.repository.js';

/** The channel a trigger on `articles` notifies with an article's `site/id` key when its settings change. */
const ARTICLE_CHANGES = 'article_changes';

/** What posting and listing need to know of an article; its counters are not part of it. */
export type ArticleSettings = Omit<ArticleRecord, 'commentCount' | 'updatedAt'>;

/**
 * Every read and post asks whether its article exists, is open, is premoderated: kept in memory on
 * every instance, and dropped on every instance when a setting changes (NOTIFY from the database).
 */
@Injectable()
export class ArticleSettingsCache implements OnModuleInit {
  private readonly cache = new InvalidatedCache<ArticleSettings>({
    maxSize: 50_000,
    sizeOf: () => 1,
    ttlMs: 5 * 60_000,
    maxGroups: 100_000,
  });

  constructor(private readonly notifications: DatabaseNotifications) {}

  async onModuleInit(): Promise<void> {
    // Streams end with DatabaseNotifications at shutdown: nothing to unsubscribe.
    invalidateOnNotice(this.notifications.listen(ARTICLE_CHANGES), this.cache);
    await this.notifications.ready();
  }

  get(scope: SiteScope, id: string, load: () => Promise<ArticleRecord | null>): Promise<ArticleSettings | null> {
    return this.cache.get(siteArticleKey(scope, id), '', async () => {
      const article = await load();
      if (!article) return null;
      const { commentCount: _count, updatedAt: _updated, ...settings } = article;
      return settings;
    });
  }

  /** This instance changed the article: its own next read must not wait for the notification. */
  invalidate(scope: SiteScope, id: string): void {
    this.cache.invalidate(siteArticleKey(scope, id));
  }
}
