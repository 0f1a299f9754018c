import { z } from 'zod';
import { articleIdSchema } from '@/modules/articles/articles.dto.js';

export const evaluatePolicySchema = z.strictObject({
  body: z.string().describe('The text to judge, as a reader would post it'),
  articleId: articleIdSchema.optional().describe("Judge it under this article's settings (premoderation, section)"),
});
export type EvaluatePolicyDto = z.infer<typeof evaluatePolicySchema>;
