import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@/common/errors/app-error.js';
import { type ArticleSettings, ArticleSettingsCache } from './article-settings-cache.js';
import { type ArticleView, embeddedArticleSchema, type PutArticleDto } from './articles.dto.js';
import { type ArticleRecord, ArticlesRepository } from './articles.repository.js';

@Injectable()
export class ArticlesService {
  constructor(
    private readonly articles: ArticlesRepository,
    private readonly settingsCache: ArticleSettingsCache,
  ) {}

  async put(id: string, dto: PutArticleDto): Promise<ArticleView> {
    const article = await this.articles.upsert(id, dto);
    this.settingsCache.invalidate(id);
    return toArticleView(article);
  }

  async ensure(id: string, dto: PutArticleDto): Promise<ArticleView> {
    return toArticleView(await this.articles.createIfMissing(id, dto));
  }

  /**
   * The first widget load of an article on a publisher's page registers it (AUTO_CREATE_ARTICLES):
   * with the id, title and URL the page gave, bound to the page's origin (the URL must be on it).
   * The caller has decided, with the one embedding check, that `origin` may embed the widget.
   * An article that exists is left exactly as its admin set it; what is not valid creates nothing.
   */
  async registerOnFirstEmbed(origin: string, page: { id: unknown; title: unknown; url: unknown }): Promise<'exists' | 'created' | 'refused'> {
    const parsed = embeddedArticleSchema.safeParse(page);
    if (!parsed.success) return 'refused';
    const { id, title, url } = parsed.data;
    if (await this.settingsCache.get(id, () => this.articles.findById(id))) return 'exists';
    if (new URL(url).origin !== origin) return 'refused';
    await this.articles.createIfMissing(id, { title, url, section: null, commentsOpen: true, premoderation: false });
    this.settingsCache.invalidate(id);
    return 'created';
  }

  async get(id: string): Promise<ArticleView> {
    return toArticleView(await this.require(id));
  }

  /** For other modules: the article with its counters as they are now, or NOT_FOUND. */
  async require(id: string): Promise<ArticleRecord> {
    const article = await this.articles.findById(id);
    if (!article) throw new NotFoundError('The article');
    return article;
  }

  /** For other modules' hot paths: the article's settings, from memory when this instance has them, or NOT_FOUND. */
  async requireSettings(id: string): Promise<ArticleSettings> {
    const settings = await this.settingsCache.get(id, () => this.articles.findById(id));
    if (!settings) throw new NotFoundError('The article');
    return settings;
  }
}

function toArticleView(article: ArticleRecord): ArticleView {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    section: article.section,
    commentsOpen: article.commentsOpen,
    premoderation: article.premoderation,
    commentCount: article.commentCount,
    createdAt: article.createdAt.toISOString(),
    updatedAt: article.updatedAt.toISOString(),
  };
}
