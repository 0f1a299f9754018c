import { Injectable } from '@nestjs/common';
import type { PolicyOverrides } from '@/modules/policy/layers/policy-overrides.js';
import { NotFoundError } from '@/common/errors/app-error.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { type ArticleSettings, ArticleSettingsCache } from './article-settings-cache.js';
import { z } from 'zod';
import { cursorTimeSchema, decodeOpaqueCursor, encodeOpaqueCursor } from '@/common/pagination/opaque-cursor.js';
import { type ArticleListQuery, articleIdSchema, embeddedArticleSchema, type PutArticleDto } from './articles.dto.js';
import { type ArticleRecord, ArticlesRepository } from './articles.repository.js';

const articleCursorSchema = z.strictObject({ createdAt: cursorTimeSchema, id: articleIdSchema });

@Injectable()
export class ArticlesService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly settingsCache: ArticleSettingsCache,
  ) {}

  /** Creates or updates the article; creating it and changing whether and how it takes comments is logged. */
  async put(scope: SiteScope, actorId: string, id: string, dto: PutArticleDto): Promise<ArticleRecord> {
    const article = await this.articles.upsert(scope, id, dto, actorId);
    this.settingsCache.invalidate(scope, id);
    return article;
  }

  async ensure(scope: SiteScope, id: string, dto: PutArticleDto): Promise<ArticleRecord> {
    return this.articles.createIfMissing(scope, id, dto);
  }

  /**
   * The first widget load of an article on a publisher's page registers it (AUTO_CREATE_ARTICLES):
   * with the id, title and URL the page gave, bound to the page's origin (the URL must be on it).
   * The caller has decided, with the one embedding check, that `origin` may embed the widget.
   * An article that exists is left exactly as its admin set it; what is not valid creates nothing.
   */
  async registerOnFirstEmbed(scope: SiteScope, origin: string, page: { id: unknown; title: unknown; url: unknown }): Promise<'exists' | 'created' | 'refused'> {
    const parsed = embeddedArticleSchema.safeParse(page);
    if (!parsed.success) return 'refused';
    const { id, title, url } = parsed.data;
    if (await this.settingsCache.get(scope, id, () => this.articles.findById(scope, id))) return 'exists';
    if (new URL(url).origin !== origin) return 'refused';
    await this.articles.createIfMissing(scope, id, { title, url, section: null, commentsOpen: true, premoderation: false, memorial: false });
    this.settingsCache.invalidate(scope, id);
    return 'created';
  }

  /** This instance changed the article: its next read here must not wait for the notification. */
  forget(scope: SiteScope, id: string): void {
    this.settingsCache.invalidate(scope, id);
  }

  /** Replaces the article's own policy changes, or NOT_FOUND. */
  async setPolicyOverrides(scope: SiteScope, id: string, overrides: PolicyOverrides, change: { actorId: string; reason: string }): Promise<ArticleRecord> {
    const article = await this.articles.setPolicyOverrides(scope, id, overrides, change);
    if (!article) throw new NotFoundError('The article');
    this.settingsCache.invalidate(scope, id);
    return article;
  }

  /** A page of the site's articles, newest first, with each one's pending comments. */
  async list(scope: SiteScope, query: ArticleListQuery): Promise<{ items: (ArticleRecord & { pendingCount: number })[]; nextCursor: string | null }> {
    const after = query.cursor ? decodeOpaqueCursor(query.cursor, articleCursorSchema) : undefined;
    const rows = await this.articles.list(scope, query, after);
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeOpaqueCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null };
  }

  /** For other modules: the article with its counters as they are now, or NOT_FOUND. */
  async require(scope: SiteScope, id: string): Promise<ArticleRecord> {
    const article = await this.articles.findById(scope, id);
    if (!article) throw new NotFoundError('The article');
    return article;
  }

  /** For other modules' hot paths: the article's settings, from memory when this instance has them, or NOT_FOUND. */
  async requireSettings(scope: SiteScope, id: string): Promise<ArticleSettings> {
    const settings = await this.settingsCache.get(scope, id, () => this.articles.findById(scope, id));
    if (!settings) throw new NotFoundError('The article');
    return settings;
  }
}
