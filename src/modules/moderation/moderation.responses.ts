import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { ArticleGroupList, ArticleGroupView } from '@/contract/article-groups.js';
import type { BulkDecisionAnswer, DecisionAnswer } from '@/contract/moderation-decisions.js';
import { LOG_ACTIONS, type LogPage } from '@/contract/moderation-log.js';
import type { ClaimView, QueueCountsView, QueuePage } from '@/contract/moderation-queue.js';
import { AUTHOR_TRUST, ROLES, type TrustView, type UserAdminDetail, type UserAdminPage } from '@/contract/users.js';
import { isoTime } from '@/modules/auth/auth.responses.js';
import { commentSchema } from '@/modules/comments/comments.responses.js';

const person = z.object({ id: z.uuid(), displayName: z.string() });
const textMatch = z.object({ text: z.string(), start: z.int().min(0), end: z.int().min(0), term: z.string().optional() });

export const queueCountsSchema = answerSchema<QueueCountsView>()(
  z.object({ queues: z.object({ pending: z.int().min(0), reported: z.int().min(0), rejected: z.int().min(0) }) }),
);

export const claimSchema = answerSchema<ClaimView>()(
  z.object({ commentId: z.uuid(), moderator: person, until: isoTime, mine: z.boolean().describe('The claim is the caller’s own') }).meta({ id: 'Claim' }),
);

export const queuePageSchema = answerSchema<QueuePage>()(
  z.object({
    items: z.array(
      z
        .object({
          comment: commentSchema,
          article: z.object({ id: z.string(), title: z.string(), section: z.string().nullable() }),
          reasons: z.array(
            z.object({
              rule: z.string(),
              action: z.enum(['hold', 'reject']).optional(),
              message: z.string(),
              messageKo: z.string().optional(),
              clause: z.string().optional(),
              match: textMatch.optional(),
              matches: z.array(textMatch).optional(),
            }),
          ),
          reportCount: z.int().min(0),
          reports: z.array(z.object({ reason: z.string(), note: z.string().nullable(), createdAt: isoTime })),
          author: person.extend({
            since: isoTime,
            trust: z.enum(AUTHOR_TRUST),
            approvedCount: z.int().min(0),
            rejectedCount: z.int().min(0),
          }),
          decision: z.object({ at: isoTime, reason: z.string().nullable() }).nullable(),
          thread: z.object({
            parent: z
              .object({
                id: z.uuid(),
                author: z.object({ displayName: z.string() }),
                body: z.string(),
                status: z.enum(['published', 'pending', 'rejected', 'deleted']),
              })
              .nullable(),
          }),
          revisions: z.array(z.object({ body: z.string(), writtenAt: isoTime, replacedAt: isoTime })),
          claim: claimSchema.nullable(),
        })
        .meta({ id: 'QueueItem' }),
    ),
    nextCursor: z.string().nullable(),
  }),
);

export const decisionAnswerSchema = answerSchema<DecisionAnswer>()(z.object({ comment: commentSchema }));

export const bulkDecisionAnswerSchema = answerSchema<BulkDecisionAnswer>()(
  z.object({
    results: z.array(
      z.union([
        z.object({ commentId: z.uuid(), outcome: z.enum(['applied', 'unchanged']), comment: commentSchema }),
        z.object({ commentId: z.uuid(), outcome: z.literal('error'), error: z.object({ code: z.string(), message: z.string() }) }),
      ]),
    ),
  }),
);

export const trustAnswerSchema = answerSchema<TrustView>()(z.object({ userId: z.uuid(), trust: z.enum(AUTHOR_TRUST) }));

export const savedArticleGroupSchema = answerSchema<ArticleGroupView>()(
  z.object({ id: z.uuid(), name: z.string(), articleIds: z.array(z.string()), createdAt: isoTime }).meta({ id: 'ArticleGroup' }),
);

export const articleGroupListSchema = answerSchema<ArticleGroupList>()(z.object({ groups: z.array(savedArticleGroupSchema) }));

const logEntrySchema = z
  .object({
    at: isoTime,
    actor: person,
    action: z.string().describe(LOG_ACTIONS.join(', ')),
    commentId: z.uuid().nullable(),
    targetUserId: z.uuid().nullable(),
    reason: z.string().nullable(),
    details: z.unknown(),
  })
  .meta({ id: 'LogEntry' });

export const logPageSchema = answerSchema<LogPage>()(
  z.object({
    entries: z.array(logEntrySchema),
    nextCursor: z.string().nullable(),
  }),
);

const userAdminSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: z.enum([...ROLES, 'operator']),
    trust: z.enum(AUTHOR_TRUST),
    status: z.enum(['active', 'suspended', 'banned']),
    bannedAt: isoTime.nullable(),
    bannedUntil: isoTime.nullable().describe('The end of a suspension; null for a permanent ban or none'),
    createdAt: isoTime,
    identities: z.array(z.object({ provider: z.string(), subject: z.string() })),
    commentCount: z.int().min(0).describe('The user’s comments in any state but deleted'),
  })
  .meta({ id: 'UserAdmin' });

export const userAdminPageSchema = answerSchema<UserAdminPage>()(z.object({ items: z.array(userAdminSchema), nextCursor: z.string().nullable() }));

export const userAdminDetailSchema = answerSchema<UserAdminDetail>()(
  userAdminSchema
    .extend({ history: z.array(logEntrySchema).describe('Bans, suspensions, unbans, role and trust changes, newest first') })
    .meta({ id: 'UserAdminDetail' }),
);
