import { Injectable } from '@nestjs/common';
import { ArticleLifecycleService } from '@/modules/article-lifecycle/article-lifecycle.service.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { LikeState } from '@/contract/reactions.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { CommentChangeFeed } from './public-pages/comment-change-feed.js';

/** Readers' likes on others' published comments (reports change a comment's state: CommentLifecycle). */
@Injectable()
export class CommentReactionsService {
  constructor(
    private readonly comments: CommentsService,
    private readonly repository: CommentsRepository,
    private readonly changes: CommentChangeFeed,
    private readonly articles: ArticlesService,
    private readonly articleLifecycle: ArticleLifecycleService,
  ) {}

  async setLike(principal: Principal, commentId: string, liked: boolean): Promise<LikeState> {
    const comment = await this.comments.requirePublished(principal.site, commentId);
    this.articleLifecycle.refuseLike(await this.articles.requireSettings(principal.site, comment.articleId));
    const likeCount = await this.repository.setLike(principal.site, commentId, principal.user.id, liked);
    this.changes.committedHere({ actorId: principal.user.id, site: principal.site, articleId: comment.articleId, public: true });
    return { commentId, liked, likeCount };
  }
}
