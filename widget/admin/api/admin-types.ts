// The answers of the admin routes the console reads, as far as it reads them.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ArticleState = 'open' | 'closed' | 'premoderated' | 'memorial';

export type { ArticleListItemView as ArticleListItem } from '@/contract/articles.js';
export type { UserAdminView as PersonView, UserAdminDetail as PersonDetail } from '@/contract/users.js';

export type { PolicyVersionView as PolicyVersionSummary, PolicyDiffView as PolicyVersionDiff } from '@/contract/policy.js';
