import { Injectable } from '@nestjs/common';
import { AppError, NotFoundError } from '@/common/errors/app-error.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { Clock } from '@/common/clock/clock.js';
import type { ArticlePage, ArticleStatusView, ArticleView } from '@/contract/articles.js';
import type { ArticleSettings } from '@/modules/articles/article-settings-cache.js';
import type { ArticleListQuery, PutArticleDto } from '@/modules/articles/articles.dto.js';
import type { ArticleRecord } from '@/modules/articles/articles.repository.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { ArticlePolicyResolver } from '@/modules/policy/layers/article-policy-resolver.js';
import { lifecycleSettings } from '@/modules/policy/layers/layered-policy.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { ArticleLifecycleRepository } from './article-lifecycle.repository.js';
import { articleStatus } from './article-status.js';

const CLOSED_MESSAGES = {
  closed: 'Comments on this article are closed.',
  window_ended: 'The comment window of this article has ended.',
  auto_closed: 'Comments on this article were closed automatically while moderators review it.',
} as const;

/**
 * An article's life beyond its settings: its comment window, the automatic moderation that closes it
 * (or reviews every comment) when too many recent comments are held or rejected, and memorial mode.
 * Times come from the injected Clock.
 */
@Injectable()
export class ArticleLifecycleService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly resolver: ArticlePolicyResolver,
    private readonly repository: ArticleLifecycleRepository,
    private readonly clock: Clock,
  ) {}

  async put(actor: Principal, id: string, dto: PutArticleDto): Promise<ArticleView> {
    return this.view(actor.site, await this.articles.put(actor.site, actor.user.id, id, dto));
  }

  async list(scope: SiteScope, query: ArticleListQuery): Promise<ArticlePage> {
    const page = await this.articles.list(scope, query);
    return { items: page.items.map((article) => ({ ...this.view(scope, article), pendingCount: article.pendingCount })), nextCursor: page.nextCursor };
  }

  async get(scope: SiteScope, id: string): Promise<ArticleView> {
    return this.view(scope, await this.articles.require(scope, id));
  }

  status(scope: SiteScope, article: ArticleSettings): ArticleStatusView {
    const { commentWindow } = lifecycleSettings(this.resolver.resolve(scope, article).layers);
    return articleStatus(article, commentWindow?.hours, this.clock.now());
  }

  /** ARTICLE_CLOSED (with the reason in `details.reason`) unless a comment may be posted now; no replies in memorial mode. */
  refusePosting(scope: SiteScope, article: ArticleSettings, isReply: boolean): void {
    const { closedReason, closesAt } = this.status(scope, article);
    if (closedReason) throw new AppError('ARTICLE_CLOSED', CLOSED_MESSAGES[closedReason], { reason: closedReason, ...(closesAt ? { closesAt } : {}) });
    if (isReply && article.memorial) throw new AppError('ARTICLE_MEMORIAL', 'Replies are off under this article.');
  }

  /** Likes are off in memorial mode. */
  refuseLike(article: ArticleSettings): void {
    if (article.memorial) throw new AppError('ARTICLE_MEMORIAL', 'Likes are off under this article.');
  }

  /**
   * After a comment was held or rejected: when the article's automatic moderation is on and the share
   * of held or rejected comments in its window reaches the threshold, the article is closed (or every
   * comment is reviewed), logged and announced to moderators. A failure here never fails the post.
   */
  async afterHeld(scope: SiteScope, article: ArticleSettings, logger: AppLogger): Promise<void> {
    const { autoModeration } = lifecycleSettings(this.resolver.resolve(scope, article).layers);
    if (!autoModeration || article.autoAction) return;
    try {
      const since = new Date(this.clock.now().getTime() - autoModeration.windowMinutes * 60_000);
      const { total, held } = await this.repository.recentShare(scope, article.id, since);
      if (total < autoModeration.minComments || held / total < autoModeration.threshold) return;
      const action = autoModeration.action === 'close' ? 'closed' : 'premoderated';
      const acted = await this.repository.act(scope, article.id, action, {
        held,
        total,
        threshold: autoModeration.threshold,
        windowMinutes: autoModeration.windowMinutes,
      });
      if (acted) this.articles.forget(scope, article.id);
    } catch (error) {
      logger.error({ err: error, articleId: article.id }, 'automatic moderation failed');
    }
  }

  /** A moderator undoes the automatic action in force; comments before now no longer count towards the next. */
  async reverse(actor: Principal, articleId: string, reason: string): Promise<ArticleView> {
    await this.articles.require(actor.site, articleId);
    const reversed = await this.repository.reverse(actor.site, articleId, actor.user.id, reason);
    if (!reversed) throw new NotFoundError('An automatic action on this article');
    this.articles.forget(actor.site, articleId);
    return this.get(actor.site, articleId);
  }

  private view(scope: SiteScope, article: ArticleRecord): ArticleView {
    const status = this.status(scope, article);
    return {
      id: article.id,
      title: article.title,
      url: article.url,
      section: article.section,
      commentsOpen: status.open,
      premoderation: article.premoderation,
      commentCount: article.commentCount,
      createdAt: article.createdAt.toISOString(),
      updatedAt: article.updatedAt.toISOString(),
      memorial: article.memorial,
      status,
    };
  }
}
