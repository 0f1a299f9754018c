import type { CommentStatus, CommentView } from './comments.js';
import type { AuthorTrust } from './users.js';

/** The contract's three queues, and "approved" (history). */
export const MODERATION_QUEUES = ['pending', 'reported', 'rejected', 'approved'] as const;
export type ModerationQueue = (typeof MODERATION_QUEUES)[number];
/** The queues the service counts; "approved" is history and has no count. */
export type CountedQueue = Exclude<ModerationQueue, 'approved'>;
export type QueueCounts = Record<CountedQueue, number>;

export interface QueueCountsView {
  queues: QueueCounts;
}

/** What a rule matched, in UTF-16 code units of the comment's body. */
export interface TextMatch {
  text: string;
  start: number;
  end: number;
  /** The policy entry that matched, for term rules. */
  term?: string;
}

/**
 * A Standards Board reason as recorded with the verdict at posting. Verdicts are stored as they
 * were given, so fields later versions of the policy add may be missing on older comments.
 */
export interface QueueReason {
  rule: string;
  action?: 'hold' | 'reject';
  message: string;
  messageKo?: string;
  clause?: string;
  match?: TextMatch;
  /** Every match when there is more than one, so all of them can be highlighted. */
  matches?: TextMatch[];
  /** The abuse classifier's score in [0, 1], on its reason. */
  score?: number;
}

/** A moderator looking at an item: a soft claim that locks nothing. */
export interface ClaimView {
  commentId: string;
  moderator: { id: string; displayName: string };
  until: string;
  mine: boolean;
}

/** A queue item: the contract's fields, then what the desk shows around the comment. */
export interface QueueItem {
  comment: CommentView;
  article: { id: string; title: string; section: string | null };
  reasons: QueueReason[];
  reportCount: number;
  reports: { reason: string; note: string | null; createdAt: string }[];
  author: { id: string; displayName: string; since: string; trust: AuthorTrust; approvedCount: number; rejectedCount: number };
  decision: { at: string; reason: string | null } | null;
  /** The thread around a reply: the comment it answers (its text hidden once deleted). */
  thread: { parent: { id: string; author: { displayName: string }; body: string; status: CommentStatus } | null };
  /** The texts its author replaced by editing, oldest first (the current one is `comment.body`). */
  revisions: { body: string; writtenAt: string; replacedAt: string }[];
  /** Who else is on it now, or null. */
  claim: ClaimView | null;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: string | null;
}
