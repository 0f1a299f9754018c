import { Inject, Injectable } from '@nestjs/common';
import { ArticleLifecycleService } from '@/modules/article-lifecycle/article-lifecycle.service.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { AppError, NotFoundError } from '@/common/errors/app-error.js';
import type { PostedComment } from '@/contract/comments.js';
import type { BulkDecisionAnswer, DecisionAction } from '@/contract/moderation-decisions.js';
import type { ReportReceipt } from '@/contract/reactions.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { PolicyService } from '@/modules/policy/policy.service.js';
import { toVerdictView, type VerdictView } from '@/modules/policy/verdict-view.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { isVisibleTo, toCommentView } from '../comment-view.js';
import { type CommentStatus, type CommentView, type EditCommentDto, parseIdempotencyKey, type PostCommentDto, type ReportCommentDto } from '../comments.dto.js';
import { type CommentRecord, CommentsRepository } from '../comments.repository.js';
import { IdempotencyService, requestFingerprint } from '../idempotency/idempotency.service.js';
import { CommentChangeFeed } from '../public-pages/comment-change-feed.js';
import { acceptCommentBody } from '../text/accept-comment-body.js';
import { CommentLifecycleRepository, type TransitionOutcome } from './comment-lifecycle.repository.js';
import { toStoredVerdict } from './stored-verdict.js';
import { type CommentState, decide, edit, editRefusal, feature, remove, reported, type TransitionPlan } from './transitions.js';

export interface DecisionRequest {
  commentId: string;
  action: DecisionAction;
  reason: string;
  override: boolean;
}

const STATUS_BY_DECISION = { publish: 'published', hold: 'pending', reject: 'rejected' } as const satisfies Record<string, CommentStatus>;
/** Parallel posts or edits by one author are stored one after another; past this many turns one gives up. */
const MAX_ATTEMPTS = 50;

/**
 * Every change in a comment's life: posting, editing, deleting, reports that send it back to the
 * queue, moderators' decisions. The rules of each are in transitions.ts; each change is one
 * transaction of CommentLifecycleRepository. Callers on this instance see their own change at once
 * (the public page cache is told before the answer goes out).
 */
@Injectable()
export class CommentLifecycle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lifecycle: CommentLifecycleRepository,
    private readonly comments: CommentsRepository,
    private readonly articles: ArticlesService,
    private readonly policy: PolicyService,
    private readonly rateLimits: RateLimitService,
    private readonly idempotency: IdempotencyService,
    private readonly changes: CommentChangeFeed,
    private readonly articleLifecycle: ArticleLifecycleService,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Posts under an article, once per Idempotency-Key when one is given. */
  async post(
    principal: Principal,
    articleId: string,
    dto: PostCommentDto,
    idempotencyKey: string | undefined,
  ): Promise<{ status: number; body: PostedComment; replayed: boolean }> {
    const key = parseIdempotencyKey(idempotencyKey);
    const work = async () => ({ status: 201, body: await this.postOnce(principal, articleId, dto, key) });
    if (!key) return { ...(await work()), replayed: false };
    const fingerprint = requestFingerprint({ articleId, body: dto.body, parentId: dto.parentId });
    return this.idempotency.run(principal.user.id, key, fingerprint, work, () => this.alreadyPosted(principal, key));
  }

  /**
   * The answer of a first attempt whose comment committed but whose instance died before recording
   * the answer: the comment carries the key, so a retry answers it instead of posting again.
   */
  private async alreadyPosted(principal: Principal, key: string): Promise<{ status: number; body: PostedComment } | null> {
    const comment = await this.comments.findByIdempotencyKey(principal.site, principal.user.id, key);
    if (!comment) return null;
    const verdict = toVerdictView(comment.verdict);
    if (verdict.decision === 'reject') throw policyRejected(verdict);
    return { status: 201, body: { comment: toCommentView(comment), verdict } };
  }

  private async postOnce(principal: Principal, articleId: string, dto: PostCommentDto, idempotencyKey?: string): Promise<PostedComment> {
    // An author this instance already saw at the limit costs nothing more: no length rule, no policy.
    this.rateLimits.refuseIfFull(postingKey(principal));
    const body = acceptCommentBody(dto.body);
    const { site } = principal;
    const article = await this.articles.requireSettings(site, articleId);
    this.articleLifecycle.refusePosting(site, article, dto.parentId !== null && dto.parentId !== undefined);
    // Replies are one level deep: a reply to a reply joins its thread. The parent must be on show.
    const parent = dto.parentId ? await this.comments.findById(site, dto.parentId) : null;
    if (dto.parentId && (!parent || parent.articleId !== articleId || parent.status !== 'published')) throw new NotFoundError('The comment you reply to');

    const limit = this.config.rateLimits.comment;
    // Judged on the facts of one moment and stored only if they still hold; when a parallel post of
    // the author's came first, judged again on the new facts. An attempt that lost that race does
    // not count against the rate limit; each stored post of the author's makes the others judge
    // again, so a burst of n parallel posts takes at most about n × the limit attempts.
    for (let attempt = 1; ; attempt++) {
      const judgement = await this.policy.judgeComment(site, { text: body, authorId: principal.user.id, articleId });
      const stored = await this.lifecycle.store(site, {
        articleId,
        authorId: principal.user.id,
        parentId: parent ? (parent.parentId ?? parent.id) : null,
        body,
        status: STATUS_BY_DECISION[judgement.verdict.decision],
        verdict: toStoredVerdict(judgement.verdict),
        idempotencyKey: idempotencyKey ?? null,
        authorVersion: judgement.authorVersion,
        promotesAuthor: judgement.promotesAuthor,
        rateLimit: { key: postingKey(principal), windowSeconds: limit.windowSeconds, count: limit.count },
      });
      if (stored.window) this.rateLimits.counted(postingKey(principal), stored.window, limit);
      switch (stored.outcome) {
        case 'stored': {
          this.changes.committedHere({ actorId: principal.user.id, site, articleId, public: stored.comment.status === 'published' });
          if (stored.comment.status !== 'published') await this.articleLifecycle.afterHeld(site, article, this.logger);
          const verdict = toVerdictView(judgement.verdict);
          // A rejected comment is kept out of sight for the moderators' rejected queue; the author is told why.
          if (verdict.decision === 'reject') throw policyRejected(verdict);
          return { comment: toCommentView(stored.comment), verdict };
        }
        case 'rate-limited':
          throw this.rateLimits.refusal(stored.window, limit);
        case 'facts-changed':
          if (attempt >= MAX_ATTEMPTS) throw stillPosting();
      }
    }
  }

  /**
   * The author's new text, within the edit window and until a moderator decides: the length rule and
   * the policy again, the earlier text kept as a revision. A rejected text changes nothing; a held one
   * takes the comment out of public view until a moderator decides. Edits count against the posting
   * rate limit.
   */
  async edit(principal: Principal, commentId: string, dto: EditCommentDto): Promise<PostedComment> {
    this.rateLimits.refuseIfFull(postingKey(principal));
    const body = acceptCommentBody(dto.body);
    const authorId = principal.user.id;
    const windowSeconds = this.config.commentEditWindowSeconds;
    const before = await this.comments.findById(principal.site, commentId);
    if (!before || !isVisibleTo(before, principal)) throw new NotFoundError('The comment');
    const refusal = editRefusal(before, authorId, new Date(), windowSeconds);
    if (refusal) throw refusal;
    await this.rateLimits.consume(postingKey(principal), this.config.rateLimits.comment);

    for (let attempt = 1; ; attempt++) {
      const judgement = await this.policy.judgeComment(principal.site, { text: body, authorId, articleId: before.articleId, editing: commentId });
      const verdict = toVerdictView(judgement.verdict);
      if (verdict.decision === 'reject') throw policyRejected(verdict);
      const outcome = await this.lifecycle.transition(principal.site, commentId, (current) =>
        edit(current, { authorId, body, verdict: toStoredVerdict(judgement.verdict), authorVersion: judgement.authorVersion, now: new Date(), windowSeconds }),
      );
      if (outcome.outcome === 'facts-changed') {
        if (attempt >= MAX_ATTEMPTS) throw stillPosting();
        continue;
      }
      const comment = await this.changed(principal, commentId, outcome);
      return { comment: toCommentView(comment), verdict };
    }
  }

  /** The author or a moderator deletes; deleting again changes nothing. */
  async remove(principal: Principal, commentId: string): Promise<void> {
    const comment = await this.comments.findById(principal.site, commentId);
    if (!comment || !isVisibleTo(comment, principal)) throw new NotFoundError('The comment');
    const actor = { id: principal.user.id, isModerator: principal.user.role !== 'reader' };
    await this.changed(principal, commentId, await this.lifecycle.transition(principal.site, commentId, (current) => remove(current, actor)));
  }

  /** A reader reports a published comment; enough open reports send it back to the queue. */
  async report(principal: Principal, commentId: string, dto: ReportCommentDto): Promise<ReportReceipt> {
    const requeueAt = this.policy.reportsToRequeue(principal.site);
    const reporterId = principal.user.id;
    const result = await this.lifecycle.report(principal.site, commentId, { reporterId, reason: dto.reason, note: dto.note || undefined }, (current) =>
      reported(current, { reporterId, requeueAt }),
    );
    if (result.outcome === 'missing') throw new NotFoundError('The comment');
    this.changes.committedHere({ actorId: reporterId, site: principal.site, articleId: result.articleId, public: result.requeued });
    return { commentId, reason: dto.reason, firstReport: result.created };
  }

  /** A moderator's approve or reject; of two at once, one is recorded and the other is ALREADY_DECIDED. */
  async decide(actor: Principal, request: DecisionRequest): Promise<{ comment: CommentView; recorded: boolean }> {
    const outcome = await this.lifecycle.transition(actor.site, request.commentId, (current: CommentState): TransitionPlan =>
      decide(current, {
        action: request.action,
        actorId: actor.user.id,
        reason: request.reason,
        override: request.override,
        approvalsToBecomeRegular: this.policy.approvalsToBecomeRegular(actor.site),
      }),
    );
    const comment = await this.changed(actor, request.commentId, outcome);
    return { comment: toCommentView(comment), recorded: outcome.outcome === 'changed' };
  }

  /** A moderator features a comment (a staff pick) or takes that back. */
  async feature(actor: Principal, commentId: string, featured: boolean, reason: string): Promise<CommentView> {
    const outcome = await this.lifecycle.transition(actor.site, commentId, (current) => feature(current, { actorId: actor.user.id, featured, reason }));
    return toCommentView(await this.changed(actor, commentId, outcome));
  }

  /** Each item on its own: one failing does not stop the others, and each says how it went. */
  async decideMany(actor: Principal, requests: DecisionRequest[]): Promise<BulkDecisionAnswer> {
    const results: BulkDecisionAnswer['results'] = [];
    for (const request of requests) {
      try {
        const { comment, recorded } = await this.decide(actor, request);
        results.push({ commentId: request.commentId, outcome: recorded ? 'applied' : 'unchanged', comment });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        results.push({ commentId: request.commentId, outcome: 'error', error: { code: error.code, message: error.message } });
      }
    }
    return { results };
  }

  /** The comment after a transition; this instance's public pages forget it before the caller hears. */
  private async changed(actor: Principal, commentId: string, outcome: TransitionOutcome): Promise<CommentRecord> {
    if (outcome.outcome === 'missing') throw new NotFoundError('The comment');
    const comment = await this.comments.findById(actor.site, commentId);
    if (!comment) throw new NotFoundError('The comment');
    if (outcome.outcome === 'changed') this.changes.committedHere({ actorId: actor.user.id, site: actor.site, articleId: comment.articleId, public: true });
    return comment;
  }
}

function postingKey(principal: Principal): string {
  return `comment:${principal.user.id}`;
}

function policyRejected(verdict: VerdictView): AppError {
  return new AppError('POLICY_REJECTED', 'The Standards Board policy does not allow this comment.', { reasons: verdict.reasons });
}

function stillPosting(): AppError {
  return new AppError('REQUEST_IN_PROGRESS', 'Your other comments are still being posted; retry shortly.');
}
