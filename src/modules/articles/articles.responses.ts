import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { ArticleView } from '@/contract/articles.js';
import { isoTime } from '@/modules/auth/auth.responses.js';

export const articleSchema = answerSchema<ArticleView>()(
  z
    .object({
      id: z.string().describe("The publisher's own article id"),
      title: z.string(),
      url: z.string(),
      section: z.string().nullable(),
      commentsOpen: z.boolean(),
      premoderation: z.boolean(),
      commentCount: z.int().min(0).describe('Published comments, replies included'),
      createdAt: isoTime,
      updatedAt: isoTime,
    })
    .meta({ id: 'Article' }),
);
