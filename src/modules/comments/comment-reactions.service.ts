import { Injectable } from '@nestjs/common';
import type { LikeState, ReportReceipt } from '@/contract/reactions.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { PolicyService } from '@/modules/policy/policy.service.js';
import type { ReportCommentDto } from './comments.dto.js';
import { CommentsRepository } from './comments.repository.js';
import { CommentsService } from './comments.service.js';
import { CommentChangeFeed } from './public-pages/comment-change-feed.js';

export type { LikeState, ReportReceipt };

/** What readers do to others' published comments: like them, report them. */
@Injectable()
export class CommentReactionsService {
  constructor(
    private readonly comments: CommentsService,
    private readonly repository: CommentsRepository,
    private readonly policy: PolicyService,
    private readonly changes: CommentChangeFeed,
  ) {}

  async setLike(principal: Principal, commentId: string, liked: boolean): Promise<LikeState> {
    const comment = await this.comments.requirePublished(commentId);
    const likeCount = await this.repository.setLike(commentId, principal.user.id, liked);
    this.changes.committedHere({ actorId: principal.user.id, articleId: comment.articleId, public: true });
    return { commentId, liked, likeCount };
  }

  async report(principal: Principal, commentId: string, dto: ReportCommentDto): Promise<ReportReceipt> {
    const comment = await this.comments.requirePublished(commentId);
    const { created, requeued } = await this.repository.addReport(
      commentId,
      principal.user.id,
      { reason: dto.reason, note: dto.note || undefined },
      this.policy.reportsToRequeue(),
    );
    this.changes.committedHere({ actorId: principal.user.id, articleId: comment.articleId, public: requeued });
    return { commentId, reason: dto.reason, firstReport: created };
  }
}
