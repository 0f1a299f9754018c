import type { HttpClient } from '../helpers/http-client.js';

/** Posts a comment and insists it was accepted: `await aComment(http, token, articleId, { body: '...' })`. */
export async function aComment(
  http: HttpClient,
  token: string,
  articleId: string,
  options: { body?: string; parentId?: string | null } = {},
): Promise<{ id: string; status: string; body: string; createdAt: string }> {
  const response = await http.post(
    `/api/v1/articles/${articleId}/comments`,
    {
      body: options.body ?? `A civil comment about the article, number ${Math.random().toString(36).slice(2, 8)}.`,
      parentId: options.parentId ?? null,
    },
    { token },
  );
  if (response.status !== 201) throw new Error(`posting failed: ${response.status} ${response.text}`);
  return response.body.comment;
}
