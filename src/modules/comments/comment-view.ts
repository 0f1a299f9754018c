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
    editedAt: null,
    replyCount: comment.replyCount,
    likeCount: comment.likeCount,
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
  const verdict = comment.verdict as { reasons?: { rule: string; message: string; messageKo?: string }[] } | null;
  return {
    state: comment.status === 'pending' ? 'awaiting_review' : 'rejected',
    reasons: (verdict?.reasons ?? []).map(({ rule, message, messageKo }) => ({ rule, message, ...(messageKo ? { messageKo } : {}) })),
    moderatorReason: comment.status === 'rejected' ? comment.decisionReason : null,
  };
}
