import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@/common/errors/app-error.js';
import { ArticleLifecycleService } from '@/modules/article-lifecycle/article-lifecycle.service.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { LikeState } from '@/contract/reactions.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { CommentChangeFeed } from './public-pages/comment-change-feed.js';

/** Readers' likes on others' published comments, one per reader and comment (reports change a comment's state: CommentLifecycle). */
@Injectable()
export class CommentReactionsService {
  constructor(
    private readonly sites: SiteRegistry,
    private readonly rateLimits: RateLimitService,
    private readonly comments: CommentsService,
    private readonly repository: CommentsRepository,
    private readonly changes: CommentChangeFeed,
    private readonly articles: ArticlesService,
    private readonly articleLifecycle: ArticleLifecycleService,
  ) {}

  async setLike(principal: Principal, commentId: string, liked: boolean): Promise<LikeState> {
    const comment = await this.comments.requirePublished(principal.site, commentId);
    this.articleLifecycle.refuseLike(await this.articles.requireSettings(principal.site, comment.articleId));
    // Taking a like back is always allowed (likes given before this rule among them).
    if (liked && comment.authorId === principal.user.id) throw new ForbiddenError('You cannot like your own comment.');
    // Liking again what one already likes changes nothing, so it does not count against the caps.
    if (liked && !(await this.repository.likes(principal.site, commentId, principal.user.id))) await this.countLike(principal.site, principal.user.id);
    const likeCount = await this.repository.setLike(principal.site, commentId, principal.user.id, liked);
    this.changes.committedHere({ actorId: principal.user.id, site: principal.site, articleId: comment.articleId, public: true });
    return { commentId, liked, likeCount };
  }

  /**
   * The site's caps on giving likes (RATE_LIMITED past them): so many a day, counted from the day's
   * first, and a least gap between two, as a window of one like that opens with each like counted.
   */
  private async countLike(site: SiteScope, userId: string): Promise<void> {
    const { likeDailyCap, likeMinGapSeconds } = this.sites.accountability(site);
    if (likeMinGapSeconds > 0) await this.rateLimits.consume(`like-gap:${userId}`, { count: 1, windowSeconds: likeMinGapSeconds });
    if (likeDailyCap > 0) await this.rateLimits.consume(`like-day:${userId}`, { count: likeDailyCap, windowSeconds: 86_400 });
  }
}
