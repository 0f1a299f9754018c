import { z } from 'zod';
import { INT4_MAX } from '@/common/validation/storable.js';
import { policyOverridesSchema } from './layers/policy-overrides.js';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';

export const evaluatePolicySchema = z.strictObject({
  body: z.string().describe('The text to judge, as a reader would post it'),
  articleId: articleIdSchema.optional().describe("Judge it under this article's settings (premoderation, section)"),
  definition: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('A draft policy to judge it by instead of the one in force, checked as PUT /policy/rules checks one; nothing is stored'),
});
export type EvaluatePolicyDto = z.infer<typeof evaluatePolicySchema>;

export const updateRulesSchema = z.strictObject({
  definition: z.record(z.string(), z.unknown()).describe('The whole policy, its version raised by one; validated by the engine'),
  reason: z.string().trim().max(500).default(''),
});
export type UpdateRulesDto = z.infer<typeof updateRulesSchema>;

export const termListEditSchema = z.strictObject({
  version: z.number().int().positive().describe('The new version: the one in force plus one'),
  list: z.enum(['banned', 'suspect', 'allow', 'initialsBanned', 'initialsSuspect']),
  add: z.array(z.string()).max(1_000).default([]),
  remove: z.array(z.string()).max(1_000).default([]),
  reason: z.string().trim().max(500).default(''),
});
export type TermListEditDto = z.infer<typeof termListEditSchema>;

export const sectionSchema = z.string().trim().min(1).max(64).describe('A newsroom section, as articles name it (e.g. "politics")');

export const overridesChangeSchema = z.strictObject({
  overrides: policyOverridesSchema.describe('The layer’s changes to the policy above it; {} removes them'),
  reason: z.string().trim().max(500).default(''),
});
export type OverridesChangeDto = z.infer<typeof overridesChangeSchema>;

export const policyVersionSchema = z.coerce.number().int().positive().max(INT4_MAX).describe('A version of the site’s policy');

export const policyVersionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: policyVersionSchema.optional().describe('The nextCursor of the page before: versions below it'),
});
export type PolicyVersionsQueryDto = z.infer<typeof policyVersionsQuerySchema>;

export const policyDiffQuerySchema = z.strictObject({
  against: policyVersionSchema.optional().describe('The version to compare with; by default the one before'),
});

export const rollbackSchema = z.strictObject({
  version: z.number().int().positive().max(INT4_MAX).describe('The earlier version whose definition becomes the next version'),
  reason: z.string().trim().max(500).default(''),
});
export type RollbackDto = z.infer<typeof rollbackSchema>;
