import { z } from 'zod';
import { INT8_MAX, isStorableTime } from '@/common/validation/storable.js';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';
import { MODERATION_QUEUES as QUEUES } from '@/contract/moderation-queue.js';
import { ROLES } from '@/modules/auth/auth.types.js';
import { LOG_ACTIONS } from '@/contract/moderation-log.js';
import { AUTHOR_TRUST } from '@/modules/policy/engine/engine.js';

export { QUEUES };
export const queueSchema = z.enum(QUEUES).describe('pending | reported | rejected (contract), approved (history)');

const uuid = z.uuid();
const pageLimit = z.coerce.number().int().min(1).max(100).default(20);

export const queueQuerySchema = z.strictObject({
  limit: pageLimit,
  cursor: z.string().min(1).max(512).optional(),
  articleId: articleIdSchema.optional(),
  section: z.string().min(1).max(64).optional(),
  authorId: uuid.optional(),
  rule: z
    .string()
    .regex(/^[a-z]+\.[a-z.]+$/, 'a rule id such as profanity.banned')
    .optional(),
  group: uuid.optional().describe('A saved article group: only its articles'),
});
export type QueueQueryDto = z.infer<typeof queueQuerySchema>;

export const decisionSchema = z.strictObject({
  action: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(500).default('').describe('Reason code or free text, shown to the author on a rejection'),
  override: z.boolean().default(false).describe('Overturn a decision another moderator already made'),
});
export type DecisionDto = z.infer<typeof decisionSchema>;

export const bulkDecisionSchema = z.strictObject({
  items: z
    .array(decisionSchema.extend({ commentId: uuid }))
    .min(1)
    .max(100)
    .describe('Up to 100 decisions; each is decided on its own and reported on its own'),
});
export type BulkDecisionDto = z.infer<typeof bulkDecisionSchema>;

export const banSchema = z.strictObject({
  until: z.iso.datetime({ offset: true }).nullable().describe('End of a suspension; null bans for good'),
  reason: z.string().trim().min(1).max(500),
  rejectPending: z.boolean().default(false).describe("Also reject every comment of the user's still waiting for review"),
});
export type BanDto = z.infer<typeof banSchema>;

export const liftBanSchema = z.strictObject({ reason: z.string().trim().max(500).default('') }).optional();

export const roleSchema = z.strictObject({ role: z.enum(ROLES), reason: z.string().trim().max(500).default('') });
export type RoleDto = z.infer<typeof roleSchema>;

export const trustSchema = z.strictObject({
  trust: z.enum(AUTHOR_TRUST).describe('new | regular | trusted (skips the new-account review) | watched (every comment reviewed)'),
  reason: z.string().trim().max(500).default(''),
});
export type TrustDto = z.infer<typeof trustSchema>;

const logTime = z.iso
  .datetime({ offset: true })
  .transform((text) => new Date(text))
  .refine(isStorableTime, 'a time PostgreSQL can store');

export const logQuerySchema = z.strictObject({
  commentId: uuid.optional(),
  userId: uuid.optional().describe('Entries by or about this user'),
  action: z.enum(LOG_ACTIONS).optional(),
  actorId: uuid.optional().describe('Entries by this moderator or admin'),
  articleId: articleIdSchema.optional().describe('Entries about the article or one of its comments'),
  since: logTime.optional().describe('Entries at or after this time'),
  until: logTime.optional().describe('Entries before this time'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  // Entry ids are PostgreSQL bigints: a larger number would fail in SQL rather than find nothing.
  // One check: zod runs every refinement even after the pattern failed, and BigInt throws on non-digits.
  cursor: z
    .string()
    .refine((cursor) => /^\d{1,19}$/.test(cursor) && BigInt(cursor) <= INT8_MAX, 'not a cursor of this log')
    .optional(),
});
export type LogQueryDto = z.infer<typeof logQuerySchema>;

export const articleGroupSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  articleIds: z.array(articleIdSchema).min(1).max(500),
});
export type ArticleGroupDto = z.infer<typeof articleGroupSchema>;

export const peopleQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(200).optional().describe('A part of the display name (any case), or exactly a user id, a provider:subject or a subject'),
  role: z.enum([...ROLES, 'operator']).optional(),
  banned: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: banned or suspended now; false: free to write'),
  limit: pageLimit,
  cursor: z.string().min(1).max(512).optional(),
});
export type PeopleQueryDto = z.infer<typeof peopleQuerySchema>;
