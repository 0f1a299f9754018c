// The shapes of the public HTTP contract (shared/contract/http-api.md) the widget reads.
// The comment and login shapes are shared with the moderator page.
import type { Comment } from '../../shared/api/contract-types.js';

export type { Comment, CommentStatus, Provider, ProviderKind, ReportReason, Session, User } from '../../shared/api/contract-types.js';
export { REPORT_REASONS } from '../../shared/api/contract-types.js';

export type CommentSort = 'newest' | 'oldest' | 'top';

export interface Article {
  id: string;
  title: string;
  url: string;
  commentsOpen: boolean;
  premoderation: boolean;
  commentCount: number;
}

export interface CommentPage {
  comments: Comment[];
  nextCursor: string | null;
}

export interface VerdictReason {
  rule: string;
  message: string;
  messageKo?: string;
  clause?: string;
}

export interface Verdict {
  decision: 'publish' | 'hold' | 'reject';
  reasons: VerdictReason[];
}

export interface PostedComment {
  comment: Comment;
  verdict: Verdict;
}

export interface LikeState {
  commentId: string;
  liked: boolean;
  likeCount: number;
}

export interface PolicyInfo {
  maxLength: number;
  lengthUnit: 'grapheme';
  policyUrl: string;
}
