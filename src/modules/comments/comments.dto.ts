import { z } from 'zod';
import { ValidationFailedError } from '@/common/errors/app-error.js';

export const commentIdSchema = z.uuid({ error: 'a comment id is a UUID' }).describe('Comment id');

export const postCommentSchema = z.strictObject({
  body: z.string().describe('The comment text: 1–250 graphemes after normalisation (the contract length rule).'),
  parentId: commentIdSchema.nullable().default(null).describe('The comment this replies to; replies are one level deep.'),
});
export type PostCommentDto = z.infer<typeof postCommentSchema>;

export const editCommentSchema = z.strictObject({
  body: z.string().describe('The new text, under the same length rule; judged by the policy again.'),
});
export type EditCommentDto = z.infer<typeof editCommentSchema>;

export const COMMENT_SORTS = ['newest', 'oldest', 'top'] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

export const listCommentsQuerySchema = z.strictObject({
  sort: z.enum(COMMENT_SORTS).optional().describe('Default: newest for comments, oldest for replies'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
  parentId: commentIdSchema.optional().describe('List the replies to this comment instead'),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuerySchema>;

export const REPORT_REASONS = ['spam', 'abuse', 'personal_info', 'off_topic', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const reportCommentSchema = z.strictObject({
  reason: z.enum(REPORT_REASONS),
  note: z.string().trim().max(500).optional(),
});
export type ReportCommentDto = z.infer<typeof reportCommentSchema>;

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The Idempotency-Key header, when given; a malformed one is refused rather than ignored. */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(header)) throw new ValidationFailedError('Idempotency-Key: 1–255 visible ASCII characters');
  return header;
}

export type CommentStatus = 'published' | 'pending' | 'rejected' | 'deleted';

/** The contract's `Comment`. */
export interface CommentView {
  id: string;
  articleId: string;
  parentId: string | null;
  author: { id: string; displayName: string };
  body: string;
  status: CommentStatus;
  createdAt: string;
  replyCount: number;
  likeCount: number;
  /** When its author last edited it; null if never. */
  editedAt: string | null;
  /** Present for a logged-in reader. */
  likedByMe?: boolean;
  /** For its author only: why a comment is waiting or was rejected. */
  review?: {
    state: 'awaiting_review' | 'rejected';
    reasons: { rule: string; message: string; messageKo?: string }[];
    moderatorReason: string | null;
  };
}
