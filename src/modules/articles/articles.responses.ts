import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { ArticlePage, ArticleView } from '@/contract/articles.js';
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
      memorial: z.boolean().describe('Memorial mode: every comment is reviewed, likes and replies are off'),
      status: z
        .object({
          open: z.boolean(),
          closedReason: z.enum(['closed', 'window_ended', 'auto_closed']).nullable(),
          closesAt: isoTime.nullable().describe('When the comment window closes (or closed); null without one'),
          premoderated: z.boolean(),
          premoderationReason: z.enum(['article', 'auto', 'memorial']).nullable(),
        })
        .describe('Whether comments can be posted now, and why not'),
    })
    .meta({ id: 'Article' }),
);

export const articlePageSchema = answerSchema<ArticlePage>()(
  z.object({
    items: z.array(articleSchema.extend({ pendingCount: z.int().min(0).describe('Comments waiting in the pending queue') }).meta({ id: 'ArticleListItem' })),
    nextCursor: z.string().nullable().describe('Hand back as cursor for the next page; null on the last'),
  }),
);
