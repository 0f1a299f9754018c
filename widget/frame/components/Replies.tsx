import type { CommentView } from '@/contract/comments.js';
import type { PolicyInfo } from '@/contract/policy.js';
import type { PagedComments } from '../feed/paged-comments.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import { useWidget } from '../widget-context.js';
import { CommentItem } from './CommentItem.js';

interface RepliesProps {
  parentId: string;
  replyCount: number;
  open: boolean;
  onToggle: () => void;
  replies: PagedComments;
  policy: PolicyInfo | null;
  onRemove: (reply: CommentView) => void;
}

/** "Show replies": one level of replies under a comment, fetched when first opened. */
export function Replies({ parentId, replyCount, open, onToggle, replies, policy, onRemove }: RepliesProps) {
  const { t, lang } = useWidget();
  const listId = `replies-${parentId}`;
  const shownCount = Math.max(replyCount, replies.comments.length);
  return (
    <div class="replies">
      <button type="button" class="link-button replies-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
        {open ? t.hideReplies : t.showReplies(shownCount)}
      </button>
      <div id={listId} hidden={!open}>
        {open && replies.state === 'loading' && <p class="muted">{t.loading}</p>}
        <ul class="comment-list reply-list">
          {replies.comments.map((reply) => (
            <CommentItem key={reply.id} comment={reply} policy={policy} onChange={replies.update} onRemove={onRemove} />
          ))}
        </ul>
        {replies.error !== null && <p class="notice notice-error">{describeError(replies.error, t, lang).message}</p>}
        {replies.nextCursor && (
          <button type="button" class="button load-more" disabled={replies.loadingMore} onClick={() => void replies.loadMore()}>
            {t.loadMoreReplies}
          </button>
        )}
      </div>
    </div>
  );
}
