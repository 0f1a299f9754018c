import type { ArticleStatusView } from '@/contract/articles.js';

export interface ArticleStatusInput {
  commentsOpen: boolean;
  premoderation: boolean;
  memorial: boolean;
  autoAction: string | null;
  createdAt: Date;
}

/**
 * Whether an article takes comments at `now`, and whether they are reviewed first, with the reason
 * the widget tells readers. An article an editor or the automatic moderation closed is closed; one
 * whose comment window (`windowHours` after it was registered) has passed is closed too.
 */
export function articleStatus(article: ArticleStatusInput, windowHours: number | undefined, now: Date): ArticleStatusView {
  const closesAt = windowHours === undefined ? null : new Date(article.createdAt.getTime() + windowHours * 3_600_000);
  const closedReason = !article.commentsOpen
    ? article.autoAction === 'closed'
      ? 'auto_closed'
      : 'closed'
    : closesAt && now.getTime() >= closesAt.getTime()
      ? 'window_ended'
      : null;
  const premoderationReason = article.memorial ? 'memorial' : article.premoderation ? (article.autoAction === 'premoderated' ? 'auto' : 'article') : null;
  return {
    open: closedReason === null,
    closedReason,
    closesAt: closesAt?.toISOString() ?? null,
    premoderated: premoderationReason !== null,
    premoderationReason,
  };
}
