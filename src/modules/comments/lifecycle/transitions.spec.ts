import { describe, expect, it } from '@jest/globals';
import { AppError } from '@/common/errors/app-error.js';
import type { CommentStatus } from '../comments.dto.js';
import type { StoredVerdict } from './stored-verdict.js';
import { type CommentState, decide, edit, editRefusal, feature, remove, reported, type TransitionPlan } from './transitions.js';

const AUTHOR = '00000000-0000-7000-8000-00000000000a';
const MODERATOR = '00000000-0000-7000-8000-00000000000b';
const POSTED = new Date('2026-12-01T10:00:00Z');
const publish: StoredVerdict = { v: 1, decision: 'publish', reasons: [], policyVersion: 1 };
const hold: StoredVerdict = {
  v: 1,
  decision: 'hold',
  reasons: [{ rule: 'personal.phone', action: 'hold', message: 'Phone numbers are held.', messageKo: '전화번호는 검토합니다.' }],
  policyVersion: 1,
};

function aState(overrides: Partial<CommentState> = {}): CommentState {
  return {
    id: '00000000-0000-7000-8000-000000000001',
    articleId: 'article-1',
    parentId: null,
    authorId: AUTHOR,
    status: 'published',
    body: 'A civil comment.',
    verdict: publish,
    openReports: 0,
    decidedAt: null,
    createdAt: POSTED,
    featured: false,
    ...overrides,
  };
}

const statusAfter = (plan: TransitionPlan): CommentStatus | 'unchanged' => ('change' in plan ? plan.change.status : 'unchanged');
const codeOf = (act: () => unknown): string => {
  try {
    act();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'none';
};

describe('decide', () => {
  const request = (action: 'approve' | 'reject', override = false) => ({
    action,
    actorId: MODERATOR,
    reason: 'checked',
    override,
    approvalsToBecomeRegular: 3,
  });

  it.each<[string, Partial<CommentState>, 'approve' | 'reject', CommentStatus | 'unchanged']>([
    ['approves a held comment', { status: 'pending' }, 'approve', 'published'],
    ['rejects a held comment', { status: 'pending' }, 'reject', 'rejected'],
    ['approves a reported comment, answering its reports', { status: 'published', openReports: 2 }, 'approve', 'published'],
    ['rejects a reported comment', { status: 'published', openReports: 2 }, 'reject', 'rejected'],
    ['overturns a policy rejection (no moderator decided it)', { status: 'rejected' }, 'approve', 'published'],
    ['changes nothing when the same decision stands', { status: 'rejected', decidedAt: POSTED }, 'reject', 'unchanged'],
    ['changes nothing on a published comment without reports', { status: 'published' }, 'approve', 'unchanged'],
  ])('%s', (_, state, action, expected) => {
    expect(statusAfter(decide(aState(state), request(action)))).toBe(expected);
  });

  it('refuses to overturn another moderator’s decision without override, with ALREADY_DECIDED', () => {
    const decided = aState({ status: 'rejected', decidedAt: POSTED });
    expect(codeOf(() => decide(decided, request('approve')))).toBe('ALREADY_DECIDED');
    expect(statusAfter(decide(decided, request('approve', true)))).toBe('published');
  });

  it('answers NOT_FOUND for a deleted comment', () => {
    expect(codeOf(() => decide(aState({ status: 'deleted' }), request('approve')))).toBe('NOT_FOUND');
  });

  it('logs the decision, clears reports and promotes the author only on an approval', () => {
    const approval = decide(aState({ status: 'pending' }), request('approve'));
    const rejection = decide(aState({ status: 'pending' }), request('reject'));
    if (!('change' in approval) || !('change' in rejection)) throw new Error('expected changes');
    expect(approval.change).toMatchObject({ clearReports: true, promoteAuthorAt: 3, event: 'comment.decided', decision: { byId: MODERATOR } });
    expect(approval.change.audit).toEqual([expect.objectContaining({ action: 'approve', actorId: MODERATOR, targetUserId: AUTHOR })]);
    expect(rejection.change.clearReports).toBeUndefined();
    expect(rejection.change.promoteAuthorAt).toBeUndefined();
  });
});

describe('remove', () => {
  it.each<[string, { id: string; isModerator: boolean }, string]>([
    ['its author', { id: AUTHOR, isModerator: false }, 'deleted'],
    ['a moderator', { id: MODERATOR, isModerator: true }, 'deleted'],
  ])('lets %s delete', (_, actor, expected) => {
    expect(statusAfter(remove(aState(), actor))).toBe(expected);
  });

  it('refuses another reader with FORBIDDEN and changes nothing on a deleted comment', () => {
    expect(codeOf(() => remove(aState(), { id: MODERATOR, isModerator: false }))).toBe('FORBIDDEN');
    expect(statusAfter(remove(aState({ status: 'deleted' }), { id: AUTHOR, isModerator: false }))).toBe('unchanged');
  });
});

describe('reported', () => {
  it.each<[number, CommentStatus, CommentStatus | 'unchanged']>([
    [2, 'published', 'unchanged'],
    [3, 'published', 'pending'],
    [4, 'published', 'pending'],
    [3, 'pending', 'unchanged'],
  ])('with %i open reports, a %s comment: %s', (openReports, status, expected) => {
    expect(statusAfter(reported(aState({ openReports, status }), { reporterId: MODERATOR, requeueAt: 3 }))).toBe(expected);
  });
});

describe('edit', () => {
  const now = new Date(POSTED.getTime() + 60_000);
  const request = (verdict: StoredVerdict, at = now) => ({ authorId: AUTHOR, body: 'New text.', verdict, authorVersion: 7, now: at, windowSeconds: 300 });

  it.each<[string, Partial<CommentState>, StoredVerdict, CommentStatus]>([
    ['keeps a published comment published when the new text passes', { status: 'published' }, publish, 'published'],
    ['takes a published comment out of view when the new text is held', { status: 'published' }, hold, 'pending'],
    ['publishes a held comment whose new text passes', { status: 'pending' }, publish, 'published'],
    ['keeps a comment readers’ reports sent to the queue there', { status: 'pending', openReports: 3 }, publish, 'pending'],
  ])('%s', (_, state, verdict, expected) => {
    expect(statusAfter(edit(aState(state), request(verdict)))).toBe(expected);
  });

  it('stores the new text with its rules and the version its facts were read at', () => {
    const plan = edit(aState(), request(hold));
    if (!('change' in plan)) throw new Error('expected a change');
    expect(plan.change.edit).toEqual({ body: 'New text.', verdict: hold, ruleIds: ['personal.phone'], authorVersion: 7 });
    expect(plan.change.audit).toEqual([
      expect.objectContaining({ action: 'edit', actorId: AUTHOR, details: { from: 'published', to: 'pending', decision: 'hold' } }),
    ]);
  });

  it.each<[string, Partial<CommentState>, string, Date, string]>([
    ['another reader', {}, MODERATOR, now, 'FORBIDDEN'],
    ['a deleted comment', { status: 'deleted' }, AUTHOR, now, 'NOT_FOUND'],
    ['a comment a moderator approved', { decidedAt: now }, AUTHOR, now, 'COMMENT_DECIDED'],
    ['a rejected comment', { status: 'rejected' }, AUTHOR, now, 'COMMENT_DECIDED'],
    ['the last second of the window', {}, AUTHOR, new Date(POSTED.getTime() + 299_999), 'none'],
    ['the end of the window', {}, AUTHOR, new Date(POSTED.getTime() + 300_000), 'EDIT_WINDOW_CLOSED'],
  ])('refuses (or not) %s', (_, state, authorId, at, expected) => {
    expect(editRefusal(aState(state), authorId, at, 300)?.code ?? 'none').toBe(expected);
    expect(codeOf(() => edit(aState(state), { ...request(publish, at), authorId }))).toBe(expected);
  });
});

describe('feature', () => {
  const by = (featured: boolean) => ({ actorId: MODERATOR, featured, reason: 'a staff pick' });

  it('features a published comment, status unchanged, logged as feature by the moderator', () => {
    const plan = feature(aState(), by(true));
    if (!('change' in plan)) throw new Error('expected a change');
    expect(plan.change).toMatchObject({ status: 'published', featuredBy: MODERATOR, event: 'comment.featured' });
    expect(plan.change.audit).toEqual([expect.objectContaining({ action: 'feature', actorId: MODERATOR, reason: 'a staff pick' })]);
  });

  it('takes a feature back, logged as unfeature, even once the comment left public view', () => {
    const plan = feature(aState({ featured: true, status: 'pending' }), by(false));
    if (!('change' in plan)) throw new Error('expected a change');
    expect(plan.change).toMatchObject({ status: 'pending', featuredBy: null });
    expect(plan.change.audit).toEqual([expect.objectContaining({ action: 'unfeature' })]);
  });

  it.each<[string, Partial<CommentState>, boolean, string]>([
    ['the same feature again', { featured: true }, true, 'unchanged'],
    ['unfeaturing a comment never featured', {}, false, 'unchanged'],
    ['a held comment', { status: 'pending' }, true, 'CANNOT_FEATURE'],
    ['a rejected comment', { status: 'rejected' }, true, 'CANNOT_FEATURE'],
    ['a reply', { parentId: '00000000-0000-7000-8000-000000000009' }, true, 'CANNOT_FEATURE'],
    ['a deleted comment', { status: 'deleted' }, true, 'NOT_FOUND'],
  ])('answers %s with %s', (_, state, featured, expected) => {
    const outcome = (): string => ('change' in feature(aState(state), by(featured)) ? 'changed' : 'unchanged');
    expect(codeOf(outcome) === 'none' ? outcome() : codeOf(outcome)).toBe(expected);
  });
});
