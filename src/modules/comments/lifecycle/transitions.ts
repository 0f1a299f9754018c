import { AppError, ForbiddenError, NotFoundError } from '@/common/errors/app-error.js';
import type { DecisionAction } from '@/contract/moderation-decisions.js';
import type { NewLogEntry } from '@/modules/audit/audit-log.repository.js';
import type { CommentStatus } from '../comments.dto.js';
import type { ModerationEvent } from './moderation-events.js';
import { ruleIdsOf, type StoredVerdict } from './stored-verdict.js';

// A comment's life as pure rules: given the comment as it stands (read under a row lock) and what
// someone asks, either the change to make or a refusal. The repository applies a change in one
// transaction with its audit entry and its live event; the counters follow the status by themselves
// (a trigger: a comment counts while it is published). See docs/architecture.md for the diagram.

/** A comment as a transition sees it, locked. */
export interface CommentState {
  id: string;
  articleId: string;
  parentId: string | null;
  authorId: string;
  status: CommentStatus;
  body: string;
  verdict: StoredVerdict;
  openReports: number;
  /** Set once a moderator decided it. */
  decidedAt: Date | null;
  createdAt: Date;
  featured: boolean;
}

export interface CommentChange {
  status: CommentStatus;
  /** A moderator's decision: who and why (shown to the author on a rejection). */
  decision?: { byId: string; reason: string };
  /** The open reports are answered (an approval). */
  clearReports?: boolean;
  deleted?: boolean;
  /** A new text by its author: the old one is kept as a revision. */
  edit?: { body: string; verdict: StoredVerdict; ruleIds: string[]; authorVersion: number };
  /** A moderator features it (a staff pick), or takes that back (null). */
  featuredBy?: string | null;
  /** After an approval, a new author with this many approved comments becomes a regular. */
  promoteAuthorAt?: number;
  audit: NewLogEntry[];
  event: ModerationEvent['type'];
}

export type TransitionPlan = { change: CommentChange } | { unchanged: true };

export interface DecisionRequest {
  action: DecisionAction;
  actorId: string;
  reason: string;
  /** Overturn what another moderator decided. */
  override: boolean;
  approvalsToBecomeRegular: number;
}

/**
 * A moderator's approve or reject. Pending and reported comments are open to a decision; the same
 * decision again changes nothing; a comment another moderator decided the other way is a conflict
 * unless overridden; deleted comments are gone.
 */
export function decide(current: CommentState, request: DecisionRequest): TransitionPlan {
  if (current.status === 'deleted') throw new NotFoundError('The comment');
  const target: CommentStatus = request.action === 'approve' ? 'published' : 'rejected';
  const openToDecision = current.status === 'pending' || (current.status === 'published' && current.openReports > 0);
  if (!openToDecision) {
    if (current.status === target) return { unchanged: true };
    if (current.decidedAt && !request.override) {
      throw new AppError('ALREADY_DECIDED', `Another moderator already decided this comment (it is now ${current.status}).`, { status: current.status });
    }
  }
  return {
    change: {
      status: target,
      decision: { byId: request.actorId, reason: request.reason },
      ...(request.action === 'approve' ? { clearReports: true, promoteAuthorAt: request.approvalsToBecomeRegular } : {}),
      audit: [{ actorId: request.actorId, action: request.action, commentId: current.id, targetUserId: current.authorId, reason: request.reason }],
      event: 'comment.decided',
    },
  };
}

/**
 * A moderator features a published thread (a staff pick, listed under `featured=true` while it stays
 * published) or takes that back; the same again changes nothing. Replies and comments not on show
 * cannot be featured; a featured comment that leaves public view leaves the featured list with it.
 */
export function feature(current: CommentState, request: { actorId: string; featured: boolean; reason: string }): TransitionPlan {
  if (current.status === 'deleted') throw new NotFoundError('The comment');
  if (current.featured === request.featured) return { unchanged: true };
  if (request.featured && current.parentId !== null) throw new AppError('CANNOT_FEATURE', 'Only a comment, not a reply, can be featured.', { reason: 'reply' });
  if (request.featured && current.status !== 'published') {
    throw new AppError('CANNOT_FEATURE', `Only a published comment can be featured (it is ${current.status}).`, {
      reason: 'not_published',
      status: current.status,
    });
  }
  const action = request.featured ? 'feature' : 'unfeature';
  return {
    change: {
      status: current.status,
      featuredBy: request.featured ? request.actorId : null,
      audit: [{ actorId: request.actorId, action, commentId: current.id, targetUserId: current.authorId, reason: request.reason }],
      event: 'comment.featured',
    },
  };
}

/** The author or a moderator deletes; deleting again changes nothing. The row stays for its replies. */
export function remove(current: CommentState, actor: { id: string; isModerator: boolean }): TransitionPlan {
  if (current.status === 'deleted') return { unchanged: true };
  if (current.authorId !== actor.id && !actor.isModerator) throw new ForbiddenError('Only its author or a moderator can delete a comment.');
  return {
    change: {
      status: 'deleted',
      deleted: true,
      audit: [
        { actorId: actor.id, action: 'delete', commentId: current.id, targetUserId: current.authorId, details: { byAuthor: current.authorId === actor.id } },
      ],
      event: 'comment.deleted',
    },
  };
}

/**
 * A reader's report was added: at `requeueAt` open reports a published comment goes back to the
 * pending queue, out of public view, until a moderator decides.
 */
export function reported(current: CommentState, report: { reporterId: string; requeueAt: number }): TransitionPlan {
  if (current.status !== 'published' || current.openReports < report.requeueAt) return { unchanged: true };
  return {
    change: {
      status: 'pending',
      audit: [
        {
          actorId: report.reporterId,
          action: 'requeue',
          commentId: current.id,
          targetUserId: current.authorId,
          details: { openReports: current.openReports },
        },
      ],
      event: 'comment.reported',
    },
  };
}

export interface EditRequest {
  authorId: string;
  body: string;
  verdict: StoredVerdict;
  authorVersion: number;
  now: Date;
  windowSeconds: number;
}

/** Why an edit is refused now, or null: checked before the policy runs and again under the lock. */
export function editRefusal(
  current: Pick<CommentState, 'status' | 'authorId' | 'decidedAt' | 'createdAt'>,
  authorId: string,
  now: Date,
  windowSeconds: number,
): AppError | null {
  if (current.status === 'deleted') return new NotFoundError('The comment');
  if (current.authorId !== authorId) return new ForbiddenError('Only its author can edit a comment.');
  if (current.decidedAt !== null || current.status === 'rejected') {
    return new AppError('COMMENT_DECIDED', 'A moderator has decided this comment; it can no longer be edited.', { status: current.status });
  }
  const closesAt = current.createdAt.getTime() + windowSeconds * 1000;
  if (now.getTime() >= closesAt) {
    return new AppError('EDIT_WINDOW_CLOSED', `A comment can be edited for ${windowSeconds} seconds after it is posted.`, {
      windowSeconds,
      closedAt: new Date(closesAt).toISOString(),
    });
  }
  return null;
}

/**
 * The author's new text, judged again. Held, it waits for a moderator (a published comment leaves
 * public view); published, it stays or goes public — unless readers' reports sent it to the queue,
 * where it stays for the moderator to see.
 */
export function edit(current: CommentState, request: EditRequest): TransitionPlan {
  const refusal = editRefusal(current, request.authorId, request.now, request.windowSeconds);
  if (refusal) throw refusal;
  const heldByReports = current.status === 'pending' && current.openReports > 0;
  const status: CommentStatus = request.verdict.decision === 'publish' && !heldByReports ? 'published' : 'pending';
  return {
    change: {
      status,
      edit: {
        body: request.body,
        verdict: request.verdict,
        ruleIds: ruleIdsOf(request.verdict),
        authorVersion: request.authorVersion,
      },
      audit: [
        {
          actorId: request.authorId,
          action: 'edit',
          commentId: current.id,
          targetUserId: current.authorId,
          details: { from: current.status, to: status, decision: request.verdict.decision },
        },
      ],
      event: 'comment.edited',
    },
  };
}
