import type { ArticleView } from '@/contract/articles.js';
import type { ArticleGroupList, ArticleGroupView } from '@/contract/article-groups.js';
import type { LogPage } from '@/contract/moderation-log.js';
import type { SiteRole, UserView } from '@/contract/users.js';
import type { VerdictView } from '@/contract/verdicts.js';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { createJsonRequest } from '@widget/shared/api/json-request.js';
import { deskSiteHeaders } from '@widget/moderate/api/desk-site.js';
import { type BanRequest, createModerationApi } from '@widget/moderate/api/moderation-api.js';
import type { ArticleListItem, ArticleState, Page, PersonDetail, PersonView, PolicyVersionDiff, PolicyVersionSummary } from './admin-types.js';

export interface PolicyRules {
  version: number;
  definition: PolicyDefinition;
  updatedAt: string;
}

export type TermListName = 'banned' | 'suspect' | 'allow' | 'initialsBanned' | 'initialsSuspect';

export interface ArticleEdit {
  title: string;
  url: string;
  section: string | null;
  commentsOpen: boolean;
  premoderation: boolean;
  memorial: boolean;
}

export interface LogFilters {
  action: string;
  actorId: string;
  articleId: string;
  since: string;
  until: string;
}

/** `?name=value` of the filled-in fields only. */
function query(fields: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) if (value?.trim()) params.set(name, value.trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The console's calls: the desk's (login, bans) and the admin routes. Every change goes through the
 * same API as any client's, so the service checks the role and writes the log.
 */
export function createAdminApi(currentToken: () => string | null) {
  const request = createJsonRequest(currentToken, deskSiteHeaders);
  const user = (userId: string) => `/moderation/users/${encodeURIComponent(userId)}`;
  const article = (articleId: string) => `/articles/${encodeURIComponent(articleId)}`;
  const fresh = { fresh: true };

  return {
    ...createModerationApi(currentToken),

    articles: (search: string, state: ArticleState | '', section: string, cursor: string | null) =>
      request<Page<ArticleListItem>>('GET', `/articles${query({ search, state, section, cursor, limit: '25' })}`, undefined, fresh),
    saveArticle: (articleId: string, edit: ArticleEdit) => request<ArticleView>('PUT', article(articleId), edit),

    rules: () => request<PolicyRules>('GET', '/policy/rules', undefined, fresh),
    saveRules: (definition: PolicyDefinition, reason: string) => request<PolicyRules>('PUT', '/policy/rules', { definition, reason }),
    editTerms: (version: number, list: TermListName, add: string[], remove: string[], reason: string) =>
      request<PolicyRules>('PATCH', '/policy/rules/terms', { version, list, add, remove, reason }),
    evaluate: (body: string, definition?: PolicyDefinition) => request<VerdictView>('POST', '/policy/evaluate', definition ? { body, definition } : { body }),
    versions: (cursor: string | null) =>
      request<Page<PolicyVersionSummary>>('GET', `/policy/rules/versions${query({ cursor, limit: '20' })}`, undefined, fresh),
    diff: (version: number, against: number) =>
      request<PolicyVersionDiff>('GET', `/policy/rules/versions/${version}/diff?against=${against}`, undefined, fresh),
    rollback: (version: number, reason: string) => request<PolicyRules>('POST', '/policy/rules/rollback', { version, reason }),

    people: (search: string, cursor: string | null) =>
      request<Page<PersonView>>('GET', `/moderation/users${query({ search, cursor, limit: '25' })}`, undefined, fresh),
    person: (userId: string) => request<PersonDetail>('GET', user(userId), undefined, fresh),
    setRole: (userId: string, role: SiteRole, reason: string) => request<UserView>('PUT', `${user(userId)}/role`, { role, reason }),
    banPerson: (userId: string, ban: BanRequest) => request<UserView>('POST', `${user(userId)}/ban`, ban),
    liftBan: (userId: string, reason: string) => request<UserView>('DELETE', `${user(userId)}/ban`, { reason }),

    log: (filters: LogFilters, cursor: string | null) =>
      request<LogPage>('GET', `/moderation/log${query({ ...filters, cursor, limit: '50' })}`, undefined, fresh),

    groups: () => request<ArticleGroupList>('GET', '/moderation/groups', undefined, fresh),
    createGroup: (name: string, articleIds: string[]) => request<ArticleGroupView>('POST', '/moderation/groups', { name, articleIds }),
    deleteGroup: (groupId: string) => request<null>('DELETE', `/moderation/groups/${encodeURIComponent(groupId)}`),
  };
}

export type AdminApi = ReturnType<typeof createAdminApi>;
