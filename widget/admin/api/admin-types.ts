import type { ArticleView } from '@/contract/articles.js';
import type { AuthorTrust, Role } from '@/contract/users.js';
import type { LogEntryView } from '@/contract/moderation-log.js';

// The answers of the admin routes the console reads, as far as it reads them.

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type ArticleState = 'open' | 'closed' | 'premoderated' | 'memorial';

export type ArticleListItem = ArticleView & { pendingCount: number };

export interface PersonView {
  id: string;
  displayName: string;
  role: Role;
  trust: AuthorTrust;
  bannedAt: string | null;
  bannedUntil: string | null;
  createdAt: string;
  identities: { provider: string; subject: string }[];
  commentCount: number;
}

export interface PersonDetail extends PersonView {
  /** The person's standing in the log: bans, lifted bans, role and trust changes. */
  history: LogEntryView[];
}

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
