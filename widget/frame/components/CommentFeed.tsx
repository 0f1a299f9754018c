import type { CommentView } from '@/contract/comments.js';
import type { FeedView } from '../i18n/messages.js';
import type { PolicyInfo } from '@/contract/policy.js';
import type { PagedComments } from '../feed/paged-comments.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';
import { CommentItem } from './CommentItem.js';

/** The article's top-level comments, newest (or as sorted) first, with "load more". */
export function CommentFeed({ feed, policy, sort }: { feed: PagedComments; policy: PolicyInfo | null; sort: FeedView }) {
  const { t, lang } = useWidget();
  const removeComment = (comment: CommentView): void => feed.remove(comment.id);

  if (feed.state === 'loading' && feed.comments.length === 0)
    return (
      <p class="muted" role="status">
        {t.loading}
      </p>
    );
  return (
    <div class="feed" data-sort={sort}>
      {feed.state === 'ready' && feed.comments.length === 0 && <p class="muted">{sort === 'featured' ? t.noFeatured : t.noComments}</p>}
      <ul class="comment-list">
        {feed.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} policy={policy} onChange={feed.update} onRemove={removeComment} />
        ))}
      </ul>
      {feed.error !== null && <p class="notice notice-error">{describeError(feed.error, t, lang).message}</p>}
      {feed.nextCursor && (
        <button type="button" class="button load-more" disabled={feed.loadingMore} aria-busy={feed.loadingMore} onClick={() => void feed.loadMore()}>
          {t.loadMore}
        </button>
      )}
    </div>
  );
}
