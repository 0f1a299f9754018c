import { createMock, type DeepMocked } from '@golevelup/ts-jest';
import { beforeEach, describe, expect, it } from '@jest/globals';
import type { AppConfig } from '@/config/config.js';
import type { ArticlesService } from '@/modules/articles/articles.service.js';
import type { ArticleLifecycleService } from '@/modules/article-lifecycle/article-lifecycle.service.js';
import type { AppLogger } from '@/common/logging/logger.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { mintSiteScope } from '@/modules/sites/site-scope.js';
import type { PolicyService } from '@/modules/policy/policy.service.js';
import type { RateLimitService } from '@/modules/rate-limit/rate-limit.service.js';
import type { CommentRecord, CommentsRepository } from '../comments.repository.js';
import type { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { CommentChangeFeed } from '../public-pages/comment-change-feed.js';
import type { CommentLifecycleRepository } from './comment-lifecycle.repository.js';
import { CommentLifecycle } from './comment-lifecycle.service.js';
import type { CommentState } from './transitions.js';

const SITE = mintSiteScope('default');
const MODERATOR: Principal = {
  user: {
    id: 'moderator',
    siteId: 'default',
    displayName: 'Moderator',
    provider: 'dev',
    role: 'moderator',
    bannedAt: null,
    bannedUntil: null,
    createdAt: new Date(0),
  },
  sessionId: 'session',
  site: SITE,
  home: SITE,
};
const POSTED = new Date('2026-12-01T10:00:00.000Z');

function aState(id: string, overrides: Partial<CommentState> = {}): CommentState {
  return {
    id,
    articleId: 'article-1',
    parentId: null,
    authorId: 'author',
    status: 'pending',
    body: 'A held comment.',
    verdict: { v: 1, decision: 'hold', reasons: [], policyVersion: 1 },
    openReports: 0,
    decidedAt: null,
    createdAt: POSTED,
    featured: false,
    ...overrides,
  };
}

function aRecord(state: CommentState): CommentRecord {
  return { ...state, authorName: 'Author', replyCount: 0, likeCount: 0, reportCount: 0, decisionReason: null, editedAt: null, featuredAt: null };
}

describe('CommentLifecycle: bulk decisions', () => {
  let lifecycle: DeepMocked<CommentLifecycleRepository>;
  let comments: DeepMocked<CommentsRepository>;
  let changes: DeepMocked<CommentChangeFeed>;
  let service: CommentLifecycle;
  /** The comments as the repository's locked reads would find them. */
  let stored: Map<string, CommentState>;

  beforeEach(() => {
    stored = new Map(
      [
        aState('held'),
        aState('held-too'),
        aState('decided-other-way', { status: 'rejected', decidedAt: POSTED }),
        aState('already-approved', { status: 'published', decidedAt: POSTED }),
        aState('deleted', { status: 'deleted' }),
      ].map((state) => [state.id, state]),
    );
    // Strict stubs: what a bulk decision must not touch (posting, rate limits, idempotency) fails the test if it is called.
    lifecycle = createMock<CommentLifecycleRepository>({}, { name: 'CommentLifecycleRepository', strict: true });
    comments = createMock<CommentsRepository>({}, { name: 'CommentsRepository', strict: true });
    changes = createMock<CommentChangeFeed>({}, { name: 'CommentChangeFeed', strict: true });
    const policy = createMock<PolicyService>({}, { name: 'PolicyService', strict: true });
    policy.approvalsToBecomeRegular.mockReturnValue(3);
    changes.committedHere.mockReturnValue(undefined);
    // The real transition rules run on the stored state; a change is applied to it as the repository would.
    lifecycle.transition.mockImplementation((_site, commentId, plan) => {
      const current = stored.get(commentId);
      if (!current) return Promise.resolve({ outcome: 'missing' });
      const planned = plan(current);
      if ('unchanged' in planned) return Promise.resolve({ outcome: 'unchanged' });
      stored.set(commentId, { ...current, status: planned.change.status, decidedAt: POSTED });
      return Promise.resolve({ outcome: 'changed' });
    });
    comments.findById.mockImplementation((_site, id) => {
      const state = stored.get(id);
      return Promise.resolve(state ? aRecord(state) : null);
    });
    service = new CommentLifecycle(
      { rateLimits: { comment: { count: 5, windowSeconds: 60 } }, commentEditWindowSeconds: 300 } as AppConfig,
      lifecycle,
      comments,
      createMock<ArticlesService>({}, { name: 'ArticlesService', strict: true }),
      policy,
      createMock<RateLimitService>({}, { name: 'RateLimitService', strict: true }),
      createMock<IdempotencyService>({}, { name: 'IdempotencyService', strict: true }),
      changes,
      createMock<ArticleLifecycleService>({}, { name: 'ArticleLifecycleService', strict: true }),
      createMock<AppLogger>({}, { name: 'AppLogger', strict: true }),
    );
  });

  const item = (commentId: string, action: 'approve' | 'reject' = 'approve', override = false) => ({ commentId, action, reason: 'checked', override });

  it('decides each item on its own and says how each went, in order', async () => {
    const { results } = await service.decideMany(MODERATOR, [
      item('held'),
      item('decided-other-way'),
      item('already-approved'),
      item('missing'),
      item('deleted'),
      item('held-too', 'reject'),
    ]);

    expect(results.map((result) => [result.commentId, result.outcome, result.outcome === 'error' ? result.error.code : result.comment.status])).toEqual([
      ['held', 'applied', 'published'],
      ['decided-other-way', 'error', 'ALREADY_DECIDED'],
      ['already-approved', 'unchanged', 'published'],
      ['missing', 'error', 'NOT_FOUND'],
      ['deleted', 'error', 'NOT_FOUND'],
      ['held-too', 'applied', 'rejected'],
    ]);
  });

  it('tells this instance’s public pages only of the decisions that changed something', async () => {
    await service.decideMany(MODERATOR, [item('held'), item('already-approved'), item('decided-other-way')]);

    expect(changes.committedHere.mock.calls).toEqual([[{ actorId: 'moderator', site: SITE, articleId: 'article-1', public: true }]]);
  });

  it('overturns another moderator’s decision only with override', async () => {
    const { results } = await service.decideMany(MODERATOR, [item('decided-other-way', 'approve', true)]);

    expect(results).toEqual([expect.objectContaining({ outcome: 'applied', comment: expect.objectContaining({ status: 'published' }) })]);
  });

  it('lets a fault that is not a refusal stop the batch, rather than report it as an item’s outcome', async () => {
    lifecycle.transition.mockRejectedValueOnce(new Error('connection lost'));

    await expect(service.decideMany(MODERATOR, [item('held'), item('held-too')])).rejects.toThrow('connection lost');
    expect(lifecycle.transition).toHaveBeenCalledTimes(1);
  });
});
