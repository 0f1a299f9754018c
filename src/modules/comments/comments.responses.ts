import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { CommentPage, CommentView, PostedComment } from '@/contract/comments.js';
import { type LikeState, REPORT_REASONS, type ReportReceipt } from '@/contract/reactions.js';
import { isoTime } from '@/modules/auth/auth.responses.js';
import { verdictSchema } from '@/modules/policy/policy.responses.js';

export const commentSchema = answerSchema<CommentView>()(
  z
    .object({
      id: z.uuid(),
      articleId: z.string(),
      parentId: z.uuid().nullable().describe('The comment this replies to'),
      author: z.object({ id: z.uuid(), displayName: z.string() }),
      body: z.string().describe('The normalised text'),
      status: z.enum(['published', 'pending', 'rejected', 'deleted']),
      createdAt: isoTime,
      editedAt: isoTime.nullable(),
      replyCount: z.int().min(0),
      likeCount: z.int().min(0),
      likedByMe: z.boolean().optional().describe('Present for a logged-in reader'),
      featured: z.boolean().describe('A moderator featured it (a staff pick); the featured list is `?featured=true`'),
      review: z
        .object({
          state: z.enum(['awaiting_review', 'rejected']),
          reasons: z.array(z.object({ rule: z.string(), message: z.string(), messageKo: z.string().optional() })),
          moderatorReason: z.string().nullable(),
        })
        .optional()
        .describe('For its author only: why the comment waits or was rejected'),
    })
    .meta({ id: 'Comment' }),
);

export const commentPageSchema = answerSchema<CommentPage>()(
  z.object({ comments: z.array(commentSchema), nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last') }),
);

export const postedCommentSchema = answerSchema<PostedComment>()(z.object({ comment: commentSchema, verdict: verdictSchema }).meta({ id: 'PostedComment' }));

export const likeStateSchema = answerSchema<LikeState>()(z.object({ commentId: z.uuid(), liked: z.boolean(), likeCount: z.int().min(0) }));

export const reportReceiptSchema = answerSchema<ReportReceipt>()(
  z.object({ commentId: z.uuid(), reason: z.enum(REPORT_REASONS), firstReport: z.boolean().describe('False when this reader had reported it before') }),
);
