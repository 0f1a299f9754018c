// The answers of the admin routes the console reads, as far as it reads them.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ArticleState = 'open' | 'closed' | 'premoderated' | 'memorial';

export type { ArticleListItemView as ArticleListItem } from '@/contract/articles.js';
export type { UserAdminView as PersonView, UserAdminDetail as PersonDetail } from '@/contract/users.js';

export interface PolicyVersionSummary {
  version: number;
  createdAt: string;
  createdBy: { id: string; displayName: string } | null;
  reason: string | null;
}

export interface PolicyVersionDiff {
  from: number;
  to: number;
  rules: { path: string; before: unknown; after: unknown }[];
  terms: { list: string; added: string[]; removed: string[] }[];
}
