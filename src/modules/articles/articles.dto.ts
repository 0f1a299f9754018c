import { z } from 'zod';

export const articleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'an article id is 1–128 characters of A-Z a-z 0-9 . _ : -')
  .describe("The publisher's own article id.");

export const putArticleSchema = z.strictObject({
  title: z.string().trim().min(1).max(300).describe('Headline'),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(2048)
    .describe('Canonical URL of the article page'),
  section: z.string().trim().min(1).max(64).nullable().default(null).describe('Newsroom section, e.g. "national"'),
  commentsOpen: z.boolean().default(true),
  premoderation: z.boolean().default(false).describe('Hold every comment for a moderator'),
  memorial: z.boolean().default(false).describe('Memorial mode: every comment reviewed, likes and replies off, a notice in the widget'),
});
export type PutArticleDto = z.infer<typeof putArticleSchema>;

/** What an embedding page says of its article when the widget first loads for it (AUTO_CREATE_ARTICLES). */
export const embeddedArticleSchema = z.object({
  id: articleIdSchema,
  title: putArticleSchema.shape.title,
  url: putArticleSchema.shape.url,
});
export type EmbeddedArticle = z.infer<typeof embeddedArticleSchema>;

export const ARTICLE_STATES = ['open', 'closed', 'premoderated', 'memorial'] as const;

export const articleListQuerySchema = z.strictObject({
  search: z.string().trim().min(1).max(200).optional().describe('An article id or a part of its title, in any case'),
  state: z.enum(ARTICLE_STATES).optional().describe('open or closed (the article setting), premoderated, memorial'),
  section: z.string().trim().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

export type { ArticleView } from '@/contract/articles.js';
