/** The contract's `Article`, with its section and times added. */
export interface ArticleView {
  id: string;
  title: string;
  url: string;
  section: string | null;
  commentsOpen: boolean;
  premoderation: boolean;
  commentCount: number;
  createdAt: string;
  updatedAt: string;
  /** Memorial mode: every comment is reviewed, likes and replies are off. */
  memorial: boolean;
  /** Whether comments can be posted now, and why not; `commentsOpen` is false whenever `open` is. */
  status: ArticleStatusView;
}

/** Why an article takes no comments: closed by its editors, its comment window ended, or closed automatically. */
export type ClosedReason = 'closed' | 'window_ended' | 'auto_closed';
/** Why every comment is reviewed: the article's setting, the automatic moderation, or memorial mode. */
export type PremoderationReason = 'article' | 'auto' | 'memorial';

export interface ArticleStatusView {
  open: boolean;
  closedReason: ClosedReason | null;
  /** When the comment window closes (or closed); null without one. */
  closesAt: string | null;
  premoderated: boolean;
  premoderationReason: PremoderationReason | null;
}

/** An article in the staff's list: its view, and how many of its comments wait in the pending queue. */
export interface ArticleListItemView extends ArticleView {
  pendingCount: number;
}

export interface ArticlePage {
  items: ArticleListItemView[];
  nextCursor: string | null;
}
