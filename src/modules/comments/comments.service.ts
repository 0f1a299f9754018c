import { Inject, Injectable } from '@nestjs/common';
import { AppError, ForbiddenError, NotFoundError } from '@/common/errors/app-error.js';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { CommentPage, PostedComment } from '@/contract/comments.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { PolicyService } from '@/modules/policy/policy.service.js';
import { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import { decodeCursor, encodeCursor } from './comment-cursor.js';
import type { EvaluationContext, Verdict } from '@/modules/policy/engine/engine.js';
import type { ArticleSettings } from '@/modules/articles/article-settings-cache.js';
import { toVerdictView, type VerdictView } from '@/modules/policy/verdict-view.js';
import { toCommentView } from './comment-view.js';
import { type CommentStatus, type ListCommentsQuery, parseIdempotencyKey, type PostCommentDto } from './comments.dto.js';
import { type CommentPageQuery, type CommentRecord, CommentsRepository, type PostingFacts, type PostingInput } from './comments.repository.js';
import { CommentChangeFeed } from './public-pages/comment-change-feed.js';
import { PublicPageCache, type SerializedPage, serializePage } from './public-pages/public-page-cache.js';
import { IdempotencyService, requestFingerprint } from './idempotency/idempotency.service.js';
import { acceptCommentBody } from './text/accept-comment-body.js';

export type { PostedComment };

const STATUS_BY_DECISION = { publish: 'published', hold: 'pending', reject: 'rejected' } as const satisfies Record<string, CommentStatus>;
const DAY_MS = 24 * 3600 * 1000;
/** Parallel posts by one author are stored one after another; past this many turns the post gives up. */
const MAX_POSTING_ATTEMPTS = 50;

@Injectable()
export class CommentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly comments: CommentsRepository,
    private readonly articles: ArticlesService,
    private readonly policy: PolicyService,
    private readonly rateLimits: RateLimitService,
    private readonly idempotency: IdempotencyService,
    private readonly publicPages: PublicPageCache,
    private readonly changes: CommentChangeFeed,
  ) {}

  /** Posts under an article, once per Idempotency-Key when one is given. */
  async post(principal: Principal, articleId: string, dto: PostCommentDto, idempotencyKey: string | undefined): Promise<{ status: number; body: PostedComment; replayed: boolean }> {
    const key = parseIdempotencyKey(idempotencyKey);
    const work = async () => ({ status: 201, body: await this.postOnce(principal, articleId, dto, key) });
    if (!key) return { ...(await work()), replayed: false };
    const fingerprint = requestFingerprint({ articleId, body: dto.body, parentId: dto.parentId });
    return this.idempotency.run(principal.user.id, key, fingerprint, work, () => this.alreadyPosted(principal.user.id, key));
  }

  /**
   * The answer of a first attempt whose comment committed but whose instance died before recording
   * the answer: the comment carries the key, so a retry answers it instead of posting again.
   */
  private async alreadyPosted(authorId: string, key: string): Promise<{ status: number; body: PostedComment } | null> {
    const comment = await this.comments.findByIdempotencyKey(authorId, key);
    if (!comment) return null;
    const verdict = toVerdictView(comment.verdict as Verdict);
    if (verdict.decision === 'reject') throw policyRejected(verdict);
    return { status: 201, body: { comment: toCommentView(comment), verdict } };
  }

  private async postOnce(principal: Principal, articleId: string, dto: PostCommentDto, idempotencyKey?: string): Promise<PostedComment> {
    const body = acceptCommentBody(dto.body);
    const article = await this.articles.requireSettings(articleId);
    if (!article.commentsOpen) throw new AppError('ARTICLE_CLOSED', 'Comments on this article are closed.');

    const now = new Date();
    const limit = this.config.rateLimits.comment;
    const input: PostingInput = {
      articleId,
      authorId: principal.user.id,
      parentId: dto.parentId,
      recentSince: new Date(now.getTime() - this.policy.recentActivityWindowSeconds() * 1000),
      rateLimit: { key: `comment:${principal.user.id}`, windowSeconds: limit.windowSeconds, count: limit.count },
    };
    // Judged on the facts of one moment and stored only if they still hold; when a parallel post of
    // the author's came first, judged again on the new facts. Every attempt counts against the rate
    // limit, which so bounds the retries.
    for (let attempt = 1; ; attempt++) {
      const facts = await this.comments.postingFacts(input);
      // Replies are one level deep: a reply to a reply joins its thread. The parent must be on show.
      const { parent } = facts;
      if (dto.parentId && (!parent || parent.articleId !== articleId || parent.status !== 'published')) {
        throw new NotFoundError('The comment you reply to');
      }
      const verdict = await this.policy.judge(body, this.postingContext(principal, article, facts, now));
      const stored = await this.comments.store(input, facts, {
        parentId: parent ? (parent.parentId ?? parent.id) : null,
        body,
        status: STATUS_BY_DECISION[verdict.decision],
        verdict: { decision: verdict.decision, reasons: verdict.reasons, policyVersion: verdict.policyVersion },
        ruleIds: verdict.reasons.map((reason) => reason.rule),
        idempotencyKey: idempotencyKey ?? null,
      });
      switch (stored.outcome) {
        case 'stored':
          return this.posted(principal, articleId, stored.comment, verdict);
        case 'rate-limited':
          throw this.rateLimits.refusal(stored.window, limit);
        case 'facts-changed':
          if (attempt >= MAX_POSTING_ATTEMPTS) throw new AppError('REQUEST_IN_PROGRESS', 'Your other comments are still being posted; retry shortly.');
      }
    }
  }

  private postingContext(principal: Principal, article: ArticleSettings, facts: PostingFacts, now: Date): EvaluationContext {
    const { activity } = facts;
    return {
      article: { premoderation: article.premoderation, ...(article.section ? { section: article.section } : {}) },
      author: {
        accountAgeDays: (now.getTime() - principal.user.createdAt.getTime()) / DAY_MS,
        approvedCount: activity.approvedCount,
        rejectedCount: activity.rejectedCount,
        trust: 'regular',
        postedToday: activity.postedToday,
        postedOnArticle: activity.postedOnArticle,
        priorComments: activity.priorComments,
      },
      recentComments: activity.recent,
      now,
    };
  }

  private posted(principal: Principal, articleId: string, stored: CommentRecord, verdict: Verdict): PostedComment {
    this.changes.committedHere({ actorId: principal.user.id, articleId, public: stored.status === 'published' });
    const view = toVerdictView(verdict);
    // A rejected comment is kept out of sight for the moderators' rejected queue; the author is told why.
    if (view.decision === 'reject') throw policyRejected(view);
    return { comment: toCommentView(stored), verdict: view };
  }

  /**
   * A page of an article's comments, or of a comment's replies. What anonymous readers get is the
   * same for all of them, so it comes from the public page cache, already serialized; a logged-in
   * reader's page carries their own pending comments and likes, and is read for them.
   */
  async list(viewer: Principal | undefined, articleId: string, query: ListCommentsQuery): Promise<SerializedPage> {
    await this.articles.requireSettings(articleId);
    const parentId = query.parentId ?? null;
    if (parentId) {
      const parent = await this.comments.findById(parentId);
      if (!parent || parent.articleId !== articleId || !isVisibleTo(parent, viewer)) throw new NotFoundError('The comment');
    }
    const sort = query.sort ?? (parentId ? 'oldest' : 'newest');
    const pageQuery: CommentPageQuery = {
      articleId,
      parentId,
      sort,
      limit: query.limit,
      after: query.cursor ? decodeCursor(query.cursor, sort) : undefined,
    };
    if (viewer) return serializePage(await this.readPage({ ...pageQuery, viewerId: viewer.user.id }));
    const key = `${parentId ?? ''}|${sort}|${query.limit}|${query.cursor ?? ''}`;
    // Filled from the primary: a lagging replica's page would otherwise stay cached after the
    // change it lacks was announced. The cache absorbs nearly all of these reads anyway.
    return this.publicPages.page(articleId, key, async () => serializePage(await this.readPage(pageQuery, { fromPrimary: true })));
  }

  private async readPage(query: CommentPageQuery, options: { fromPrimary?: boolean } = {}): Promise<CommentPage> {
    const rows = await this.comments.page(query, options);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      comments: page.map((comment) => toCommentView(comment, comment.likedByViewer)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor({ sort: query.sort, createdAt: last.createdAt, id: last.id, likeCount: last.likeCount }) : null,
    };
  }

  /** The author or a moderator deletes; deleting again changes nothing. */
  async remove(principal: Principal, commentId: string): Promise<void> {
    const comment = await this.comments.findById(commentId);
    if (!comment || !isVisibleTo(comment, principal)) throw new NotFoundError('The comment');
    const isModerator = principal.user.role !== 'reader';
    if (comment.authorId !== principal.user.id && !isModerator) throw new ForbiddenError('Only its author or a moderator can delete a comment.');
    if (await this.comments.markDeleted(commentId)) this.changes.committedHere({ actorId: principal.user.id, articleId: comment.articleId, public: true });
  }

  /** A published comment, for likes and reports; anything else is NOT_FOUND. */
  async requirePublished(commentId: string): Promise<CommentRecord> {
    const comment = await this.comments.findById(commentId);
    if (!comment || comment.status !== 'published') throw new NotFoundError('The comment');
    return comment;
  }
}

function policyRejected(verdict: VerdictView): AppError {
  return new AppError('POLICY_REJECTED', 'The Standards Board policy does not allow this comment.', { reasons: verdict.reasons });
}

function isVisibleTo(comment: CommentRecord, viewer: Principal | undefined): boolean {
  if (comment.status === 'published' || comment.status === 'deleted') return true;
  if (!viewer) return false;
  return viewer.user.role !== 'reader' || (comment.status === 'pending' && comment.authorId === viewer.user.id);
}
