import type { CommentView } from './comments.dto.js';
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
