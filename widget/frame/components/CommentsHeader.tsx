import type { FeedView } from '../i18n/messages.js';
import { useWidget } from '../widget-context.js';

const VIEWS: FeedView[] = ['newest', 'oldest', 'top', 'featured'];

export function CommentsHeader({ commentCount, sort, onSort }: { commentCount: number | null; sort: FeedView; onSort: (sort: FeedView) => void }) {
  const { t } = useWidget();
  return (
    <header class="widget-head">
      <h2 id="comments-heading">{commentCount === null ? t.heading : t.commentCount(commentCount)}</h2>
      <label class="sort">
        <span>{t.sortLabel}</span>
        <select value={sort} onChange={(event) => onSort(event.currentTarget.value as FeedView)}>
          {VIEWS.map((value) => (
            <option key={value} value={value}>
              {t.sorts[value]}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}
