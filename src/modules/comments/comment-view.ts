import type { Principal } from '@/modules/auth/auth.types.js';
import type { CommentView } from './comments.dto.js';
import type { CommentRecord } from './comments.repository.js';

export function toCommentView(comment: CommentRecord, likedByMe?: boolean): CommentView {
  const deleted = comment.status === 'deleted';
  const review = reviewOf(comment);
  return {
    id: comment.id,
    articleId: comment.articleId,
    parentId: comment.parentId,
    author: { id: comment.authorId, displayName: comment.authorName },
    // A deleted comment keeps its place for its replies, never its text.
    body: deleted ? '' : comment.body,
    status: comment.status,
    createdAt: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    replyCount: comment.replyCount,
    likeCount: comment.likeCount,
    featured: comment.featuredAt !== null,
    ...(likedByMe === undefined ? {} : { likedByMe }),
    ...(review ? { review } : {}),
  };
}

/**
 * Why a comment is not (or no longer) public, for its author: the Standards Board reasons while it
 * waits, and the moderator's reason once it was rejected. Only ever shown to the author (pending and
 * rejected comments are listed to nobody else).
 */
function reviewOf(comment: CommentRecord): CommentView['review'] {
  if (comment.status !== 'pending' && comment.status !== 'rejected') return undefined;
  return {
    state: comment.status === 'pending' ? 'awaiting_review' : 'rejected',
    reasons: comment.verdict.reasons.map(({ rule, message, messageKo }) => ({ rule, message, ...(messageKo ? { messageKo } : {}) })),
    moderatorReason: comment.status === 'rejected' ? comment.decisionReason : null,
  };
}

/**
 * Whether a comment exists for this caller, as the lists show them: the public sees what is on
 * show, an author also their own held comments and those a moderator rejected, staff everything.
 */
export function isVisibleTo(comment: CommentRecord, viewer: Principal | undefined): boolean {
  if (comment.status === 'published' || comment.status === 'deleted') return true;
  if (!viewer) return false;
  if (viewer.user.role !== 'reader') return true;
  return comment.authorId === viewer.user.id && (comment.status === 'pending' || comment.decidedAt !== null);
}
