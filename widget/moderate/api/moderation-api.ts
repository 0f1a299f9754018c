import type { Comment, Provider, Role, Session, User } from '../../shared/api/contract-types.js';
import { createJsonRequest } from '../../shared/api/json-request.js';
import type { BanRequest, BulkOutcome, Claim, DecisionAction, Queue, QueueCounts, QueueFilters, QueuePage } from './types.js';

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

/** The service's API as the moderator page uses it; every call carries the moderator's token from memory. */
export function createModerationApi(currentToken: () => string | null) {
  const request = createJsonRequest(currentToken);
  const comment = (commentId: string) => `/moderation/comments/${encodeURIComponent(commentId)}`;

  return {
    providers: () => request<{ providers: Provider[] }>('GET', '/auth/providers'),
    devLogin: (name: string, role: Role) => request<Session>('POST', '/auth/dev', { name, role }),
    logout: () => request<null>('POST', '/auth/logout'),

    counts: () => request<{ queues: QueueCounts }>('GET', '/moderation/queues'),
    queue: (queue: Queue, query: QueueQuery) => {
      const params = new URLSearchParams({ limit: String(query.limit) });
      if (query.cursor) params.set('cursor', query.cursor);
      for (const [name, value] of Object.entries(query.filters)) if (value.trim()) params.set(name, value.trim());
      return request<QueuePage>('GET', `/moderation/queues/${queue}?${params}`);
    },
    decide: ({ commentId, ...decision }: DecisionRequest) => request<{ comment: Comment }>('POST', `${comment(commentId)}/decision`, decision),
    decideMany: (items: DecisionRequest[]) => request<{ results: BulkOutcome[] }>('POST', '/moderation/decisions', { items }),
    claim: (commentId: string) => request<Claim>('POST', `${comment(commentId)}/claim`),
    /** `keepalive` lets the release go out while the page closes. */
    release: (commentId: string, keepalive = false) => request<null>('DELETE', `${comment(commentId)}/claim`, undefined, { keepalive }),
    ban: (userId: string, ban: BanRequest) => request<User>('POST', `/moderation/users/${encodeURIComponent(userId)}/ban`, ban),
  };
}

export type ModerationApi = ReturnType<typeof createModerationApi>;
