import type { ProviderList, SessionView } from '@/contract/auth.js';
import type { EffectivePolicyView } from '@/contract/effective-policy.js';
import type { SiteList } from '@/contract/sites.js';
import { deskSiteHeaders } from './desk-site.js';
import type { BulkDecisionAnswer, DecisionAction, DecisionAnswer } from '@/contract/moderation-decisions.js';
import type { ClaimView, ModerationQueue, QueueCountsView, QueuePage } from '@/contract/moderation-queue.js';
import type { AuthorTrust, Role, TrustView, UserView } from '@/contract/users.js';
import { createJsonRequest } from '@widget/shared/api/json-request.js';
import { QUEUE_FILTER_NAMES, type QueueFilters } from '../queue/queue-filters.js';

export interface QueueQuery {
  limit: number;
  cursor?: string | null;
  filters: QueueFilters;
}

export interface DecisionRequest {
  commentId: string;
  action: DecisionAction;
  reason: string;
  /** Overturns a decision a moderator already made, which the caller has seen on the item. */
  override: boolean;
}

export interface BanRequest {
  /** The end of a suspension, or null for a ban for good. */
  until: string | null;
  reason: string;
  rejectPending: boolean;
}

export interface TrustRequest {
  trust: AuthorTrust;
  /** For the log; may be empty. */
  reason: string;
}

/** The service's API as the moderator page uses it; every call carries the moderator's token from memory. */
export function createModerationApi(currentToken: () => string | null) {
  const request = createJsonRequest(currentToken, deskSiteHeaders);
  const comment = (commentId: string) => `/moderation/comments/${encodeURIComponent(commentId)}`;

  return {
    providers: () => request<ProviderList>('GET', '/auth/providers'),
    /** Without a role, the account keeps the one it has. */
    devLogin: (name: string, role: Role | null) => request<SessionView>('POST', '/auth/dev', role ? { name, role } : { name }),
    logout: () => request<null>('POST', '/auth/logout'),

    counts: () => request<QueueCountsView>('GET', '/moderation/queues'),
    queue: (queue: ModerationQueue, query: QueueQuery) => {
      const params = new URLSearchParams({ limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      for (const name of QUEUE_FILTER_NAMES) {
        const value = query.filters[name].trim();
        if (value) params.set(name, value);
      }
      return request<QueuePage>('GET', `/moderation/queues/${queue}?${params}`);
    },
    decide: ({ commentId, ...decision }: DecisionRequest) => request<DecisionAnswer>('POST', `${comment(commentId)}/decision`, decision),
    decideMany: (items: DecisionRequest[]) => request<BulkDecisionAnswer>('POST', '/moderation/decisions', { items }),
    claim: (commentId: string) => request<ClaimView>('POST', `${comment(commentId)}/claim`),
    /** `keepalive` lets the release go out while the page closes. */
    release: (commentId: string, keepalive = false) => request<null>('DELETE', `${comment(commentId)}/claim`, undefined, { keepalive }),
    ban: (userId: string, ban: BanRequest) => request<UserView>('POST', `/moderation/users/${encodeURIComponent(userId)}/ban`, ban),
    setTrust: (userId: string, trust: TrustRequest) => request<TrustView>('PUT', `/moderation/users/${encodeURIComponent(userId)}/trust`, trust),
    articlePolicy: (articleId: string) => request<EffectivePolicyView>('GET', `/articles/${encodeURIComponent(articleId)}/policy`, undefined, { fresh: true }),
    /** Operators only: the sites of the deployment, for choosing the one the desk works on. */
    sites: () => request<SiteList>('GET', '/sites'),
  };
}

export type ModerationApi = ReturnType<typeof createModerationApi>;
