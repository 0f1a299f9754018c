import type { AuthorTrust } from '@/contract/users.js';

export { AUTHOR_TRUST, type AuthorTrust } from '@/contract/users.js';

export interface ArticleFacts {
  premoderation: boolean;
  section?: string;
}

export interface AuthorFacts {
  accountAgeDays: number;
  approvedCount: number;
  rejectedCount: number;
  trust: AuthorTrust;
  /** Comments the author already posted today (UTC day), not counting this one. */
  postedToday: number;
  /** Comments the author already posted on this article, not counting this one. */
  postedOnArticle: number;
  /** Every comment the author ever posted before this one; "among the first N" is `priorComments < N`. */
  priorComments: number;
}

export interface RecentComment {
  body: string;
  postedAt: Date;
  /** `duplicateKey(body)`, when the caller stored it; computed on demand otherwise. */
  key?: string;
}

export interface EvaluationContext {
  article: ArticleFacts;
  author: AuthorFacts;
  /** The author's own recent comments, newest first or in any order. */
  recentComments: readonly RecentComment[];
  now: Date;
}
