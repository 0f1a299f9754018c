// The moderation shapes the moderator page reads: the contract's queue items, with the fields the
// service adds beside them (article section, policy matches, reports, author history, claims).
import type { Comment } from '../../shared/api/contract-types.js';

export type Queue = 'pending' | 'reported' | 'rejected' | 'approved';
export const QUEUES: readonly Queue[] = ['pending', 'reported', 'rejected', 'approved'];
/** The queues the service counts; "approved" is history and has no count. */
export type CountedQueue = Exclude<Queue, 'approved'>;
export type QueueCounts = Record<CountedQueue, number>;

export type DecisionAction = 'approve' | 'reject';

/** A span of `comment.body` in UTF-16 code units, as `String.prototype.slice` takes it. */
export interface TextMatch {
  text: string;
  start: number;
  end: number;
  term?: string;
}

export interface PolicyReason {
  rule: string;
  action?: 'hold' | 'reject';
  message: string;
  messageKo?: string;
  clause?: string;
  match?: TextMatch;
  matches?: TextMatch[];
}

export interface Claim {
  commentId: string;
  moderator: { id: string; displayName: string };
  until: string;
  mine: boolean;
}

export interface QueueItem {
  comment: Comment;
  article: { id: string; title: string; section?: string | null };
  reasons: PolicyReason[];
  reportCount: number;
  reports?: { reason: string; note: string | null; createdAt: string }[];
  author?: { id: string; displayName: string; since: string; approvedCount: number; rejectedCount: number };
  decision?: { at: string; reason: string | null } | null;
  claim?: Claim | null;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}

export interface QueueFilters {
  articleId: string;
  section: string;
  rule: string;
  authorId: string;
}
export const NO_FILTERS: QueueFilters = { articleId: '', section: '', rule: '', authorId: '' };

export interface BulkOutcome {
  commentId: string;
  outcome: 'applied' | 'unchanged' | 'error';
  error?: { code: string; message: string };
}

export interface BanRequest {
  /** The end of a suspension, or null for a ban for good. */
  until: string | null;
  reason: string;
  rejectPending: boolean;
}
