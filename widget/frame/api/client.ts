import { createJsonRequest } from '@widget/shared/api/json-request.js';
import type { ArticleView } from '@/contract/articles.js';
import type { KeptSessionView, ProviderList, SessionView } from '@/contract/auth.js';
import type { CommentPage, CommentSort, CommentView, PostedComment } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import type { UserView } from '@/contract/users.js';
import type { LikeState, ReportReason, ReportReceipt } from '@/contract/reactions.js';

export interface CommentQuery {
  sort: CommentSort;
  limit: number;
  cursor?: string | null;
  parentId?: string;
  /** Only the comments moderators featured. */
  featured?: boolean;
}

/**
 * The service's API as the widget uses it. The token is sent on every call once the reader is
 * logged in, so lists include their own held comments and likes. Every call names the frame's site
 * (none: the default site).
 */
export function createApi(currentToken: () => string | null, site: string | null = null) {
  const json = createJsonRequest(currentToken, site ? { 'x-comment-site': site } : {});
  const request = <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, fresh = false): Promise<T> =>
    json<T>(method, path, body, { headers, fresh });
  const encode = encodeURIComponent;

  return {
    /** `fresh`: never from the browser's cache (after a write, on a poll). */
    article: (articleId: string, fresh = false) => request<ArticleView>('GET', `/articles/${encode(articleId)}`, undefined, {}, fresh),
    comments: (articleId: string, query: CommentQuery, fresh = false) => {
      const params = new URLSearchParams({ sort: query.sort, limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      if (query.parentId) params.set('parentId', query.parentId);
      if (query.featured) params.set('featured', 'true');
      return request<CommentPage>('GET', `/articles/${encode(articleId)}/comments?${params}`, undefined, {}, fresh);
    },
    postComment: (articleId: string, body: string, parentId: string | null, idempotencyKey: string) =>
      request<PostedComment>('POST', `/articles/${encode(articleId)}/comments`, { body, parentId }, { 'idempotency-key': idempotencyKey }),
    /** The author's new text; the answer is shaped as posting's, with the verdict on the new text. */
    editComment: (commentId: string, body: string) => request<PostedComment>('PATCH', `/comments/${encode(commentId)}`, { body }),
    deleteComment: (commentId: string) => request<null>('DELETE', `/comments/${encode(commentId)}`),
    /** Moderators: a staff pick, or not. */
    setFeatured: (commentId: string, featured: boolean) =>
      request<{ comment: CommentView }>(featured ? 'PUT' : 'DELETE', `/moderation/comments/${encode(commentId)}/feature`),
    setLike: (commentId: string, liked: boolean) => request<LikeState>(liked ? 'PUT' : 'DELETE', `/comments/${encode(commentId)}/like`),
    report: (commentId: string, reason: ReportReason) => request<ReportReceipt>('POST', `/comments/${encode(commentId)}/reports`, { reason }),
    providers: () => request<ProviderList>('GET', '/auth/providers'),
    policy: () => request<PolicyInfo>('GET', '/policy'),
    devLogin: (name: string) => request<SessionView>('POST', '/auth/dev', { name, role: 'reader' }),
    ssoLogin: (token: string) => request<SessionView>('POST', '/auth/sso', { token }),
    logout: () => request<null>('POST', '/auth/logout'),
    /** A new token for the session, the old one revoked. */
    refresh: () => request<SessionView>('POST', '/auth/refresh'),
    me: () => request<UserView>('GET', '/me', undefined, {}, true),
    /** The login this browser kept for the widget on this site (its partitioned cookie). */
    restoreLogin: () => request<KeptSessionView>('POST', '/auth/session'),
    /** Keep the current login in this browser for the next page views. */
    keepLogin: () => request<null>('PUT', '/auth/session'),
    forgetLogin: () => request<null>('DELETE', '/auth/session'),
  };
}

export type Api = ReturnType<typeof createApi>;
