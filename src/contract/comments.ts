import type { VerdictView } from './verdicts.js';

export type CommentStatus = 'published' | 'pending' | 'rejected' | 'deleted';

export const COMMENT_SORTS = ['newest', 'oldest', 'top'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

/** For its author only: why a comment is waiting or was rejected. */
export interface CommentReview {
  state: 'awaiting_review' | 'rejected';
  reasons: { rule: string; message: string; messageKo?: string }[];
  moderatorReason: string | null;
}

/** The contract's `Comment`. */
export interface CommentView {
  id: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string;
  status: CommentStatus;
  createdAt: string;
  /** When its author last edited it; null when never edited. */
  editedAt: string | null;
  replyCount: number;
  likeCount: number;
  /** A moderator featured it (a staff pick); the featured list is `?featured=true`. */
  featured: boolean;
  /** Present for a logged-in reader. */
  likedByMe?: boolean;
  review?: CommentReview;
}

export interface CommentPage {
  comments: CommentView[];
  nextCursor: string | null;
}

/** The answer to posting (and to editing) a comment. */
export interface PostedComment {
  comment: CommentView;
  verdict: VerdictView;
}
