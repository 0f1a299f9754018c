import { Injectable } from '@nestjs/common';
import { AppError } from '@/common/errors/app-error.js';
import { AuditLogService } from '@/modules/audit/audit-log.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import type { CommentView } from '@/contract/comments.js';
import type { BulkDecisionAnswer, DecisionOutcome } from '@/contract/moderation-decisions.js';
import { CommentModerationService } from '@/modules/comments/moderation/comment-moderation.service.js';
import type { DecisionDto } from './moderation.dto.js';

type DecisionRequest = DecisionDto & { commentId: string };

/** Approve and reject, one or many; the winner of a race is the only decision logged. */
@Injectable()
export class DecisionsService {
  constructor(
    private readonly comments: CommentModerationService,
    private readonly log: AuditLogService,
  ) {}

  async decide(actor: Principal, request: DecisionRequest): Promise<CommentView> {
    return (await this.decideOne(actor, request)).comment;
  }

  /** Each item on its own: one failing does not stop the others, and each says how it went. */
  async decideMany(actor: Principal, requests: DecisionRequest[]): Promise<BulkDecisionAnswer> {
    const results: DecisionOutcome[] = [];
    for (const request of requests) {
      try {
        const { comment, recorded } = await this.decideOne(actor, request);
        results.push({ commentId: request.commentId, outcome: recorded ? 'applied' : 'unchanged', comment });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ commentId: request.commentId, outcome: 'error', error: { code: error.code, message: error.message } });
      }
    }
    return { results };
  }

  private async decideOne(actor: Principal, request: DecisionRequest): Promise<{ comment: CommentView; recorded: boolean }> {
    const { commentId, action, reason, override } = request;
    const decision = await this.comments.decide(commentId, action, actor.user.id, reason, override);
    if (decision.recorded) {
      await this.log.record({ actorId: actor.user.id, action, commentId, targetUserId: decision.comment.author.id, reason });
    }
    return decision;
  }
}
