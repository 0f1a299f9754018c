import { z } from 'zod';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import { COMMENT_SORTS } from '@/contract/comments.js';
import { REPORT_REASONS } from '@/contract/reactions.js';

export { COMMENT_SORTS, REPORT_REASONS };
export type { CommentSort, CommentStatus, CommentView } from '@/contract/comments.js';
export type { ReportReason } from '@/contract/reactions.js';

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

export const listCommentsQuerySchema = z.strictObject({
  sort: z.enum(COMMENT_SORTS).optional().describe('Default: newest for comments, oldest for replies'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional().describe('nextCursor of the previous page'),
  parentId: commentIdSchema.optional().describe('List the replies to this comment instead'),
  featured: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true')
    .describe("true: only the comments moderators featured (staff picks), in the sort's order"),
});
export type ListCommentsQuery = z.infer<typeof listCommentsQuerySchema>;

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
