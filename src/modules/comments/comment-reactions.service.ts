import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@/common/errors/app-error.js';
import type { LikeState } from '@/contract/reactions.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { CommentChangeFeed } from './public-pages/comment-change-feed.js';

/** Readers' likes on others' published comments, one per reader and comment (reports change a comment's state: CommentLifecycle). */
@Injectable()
export class CommentReactionsService {
  constructor(
    private readonly comments: CommentsService,
    private readonly repository: CommentsRepository,
    private readonly changes: CommentChangeFeed,
  ) {}

  async setLike(principal: Principal, commentId: string, liked: boolean): Promise<LikeState> {
    const comment = await this.comments.requirePublished(commentId);
    // Taking a like back is always allowed (likes given before this rule among them).
    if (liked && comment.authorId === principal.user.id) throw new ForbiddenError('You cannot like your own comment.');
    const likeCount = await this.repository.setLike(commentId, principal.user.id, liked);
    this.changes.committedHere({ actorId: principal.user.id, articleId: comment.articleId, public: true });
    return { commentId, liked, likeCount };
  }
}
