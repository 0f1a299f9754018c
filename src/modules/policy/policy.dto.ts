import { z } from 'zod';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';

export const evaluatePolicySchema = z.strictObject({
  body: z.string().describe('The text to judge, as a reader would post it'),
  articleId: articleIdSchema.optional().describe("Judge it under this article's settings (premoderation, section)"),
});
export type EvaluatePolicyDto = z.infer<typeof evaluatePolicySchema>;

export const updateRulesSchema = z.strictObject({
  definition: z.record(z.string(), z.unknown()).describe('The whole policy, its version raised by one; validated by the engine'),
  reason: z.string().trim().max(500).default(''),
});
export type UpdateRulesDto = z.infer<typeof updateRulesSchema>;
