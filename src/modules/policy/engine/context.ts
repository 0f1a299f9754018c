/**
 * `new` until the author earns `regular` (approved comments, or a moderator's say); `trusted` and
 * `watched` are set by moderators only.
 */
export const AUTHOR_TRUST = ['new', 'regular', 'trusted', 'watched'] as const;
export type AuthorTrust = (typeof AUTHOR_TRUST)[number];

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
