import type { ArticleView } from '@/modules/articles/articles.dto.js';
import type { HttpClient } from '../helpers/http-client.js';

let counter = 0;

/** An article registered through the API: `await anArticle(http, adminToken, { premoderation: true })`. */
export async function anArticle(
  http: HttpClient,
  adminToken: string,
  overrides: Partial<{ id: string; title: string; url: string; section: string | null; commentsOpen: boolean; premoderation: boolean; memorial: boolean }> = {},
): Promise<ArticleView> {
  const id = overrides.id ?? `article-${process.pid}-${++counter}`;
  const { id: _, ...fields } = overrides;
  const response = await http.put(
    `/api/v1/articles/${id}`,
    {
      title: `Test article ${counter}`,
      url: `https://news.example.com/${id}`,
      ...fields,
    },
    { token: adminToken },
  );
  if (response.status !== 200) throw new Error(`article setup failed: ${response.status} ${response.text}`);
  return response.body;
}
