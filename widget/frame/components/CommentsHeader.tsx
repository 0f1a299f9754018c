import type { CommentSort } from '@/contract/comments.js';
import { useWidget } from '../widget-context.js';

const SORTS: CommentSort[] = ['newest', 'oldest', 'top'];

export function CommentsHeader({ commentCount, sort, onSort }: { commentCount: number | null; sort: CommentSort; onSort: (sort: CommentSort) => void }) {
  const { t } = useWidget();
  return (
    <header class="widget-head">
      <h2 id="comments-heading">{commentCount === null ? t.heading : t.commentCount(commentCount)}</h2>
      <label class="sort">
        <span>{t.sortLabel}</span>
        <select value={sort} onChange={(event) => onSort(event.currentTarget.value as CommentSort)}>
          {SORTS.map((value) => (
            <option key={value} value={value}>
              {t.sorts[value]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
