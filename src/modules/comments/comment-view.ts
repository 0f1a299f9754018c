import type { CommentView, VerdictView } from './comments.dto.js';
import type { CommentRecord } from './comments.repository.js';

export function toCommentView(comment: CommentRecord, likedByMe?: boolean): CommentView {
  const deleted = comment.status === 'deleted';
  return {
    id: comment.id,
    articleId: comment.articleId,
    parentId: comment.parentId,
    author: { id: comment.authorId, displayName: comment.authorName },
    // A deleted comment keeps its place for its replies, never its text.
    body: deleted ? '' : comment.body,
    status: comment.status,
    createdAt: comment.createdAt.toISOString(),
    replyCount: comment.replyCount,
    likeCount: comment.likeCount,
    ...(likedByMe === undefined ? {} : { likedByMe }),
  };
}

/** The contract's Verdict: each reason with its rule, its messages and, where there is one, the match. */
export function toVerdictView(verdict: {
  decision: VerdictView['decision'];
  reasons: readonly { rule: string; message: string; messageKo?: string; match?: { text: string; start: number; end: number } }[];
}): VerdictView {
  return {
    decision: verdict.decision,
    reasons: verdict.reasons.map(({ rule, message, messageKo, match }) => ({
      rule,
      message,
      ...(messageKo ? { messageKo } : {}),
      ...(match ? { match: { text: match.text, start: match.start, end: match.end } } : {}),
    })),
  };
}
