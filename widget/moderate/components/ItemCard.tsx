import type { ComponentChildren } from 'preact';
import { absoluteTime, relativeTime } from '@widget/shared/i18n/relative-time.js';
import type { EffectivePolicyView } from '@/contract/effective-policy.js';
import type { ModerationQueue, QueueItem } from '@/contract/moderation-queue.js';
import type { QueueFilters } from '../queue/queue-filters.js';
import { usePageText } from '../page-text.js';
import { actionsIn } from '../queue/queue-membership.js';
import { ArticlePolicy } from './ArticlePolicy.js';
import { EditHistory } from './EditHistory.js';
import { HighlightedBody } from './HighlightedBody.js';
import { ReasonList } from './ReasonList.js';
import { ReportList } from './ReportList.js';

interface ItemCardProps {
  item: QueueItem;
  queue: ModerationQueue;
  current: boolean;
  selected: boolean;
  /** Arrived live since the list was opened. */
  fresh: boolean;
  busy: boolean;
  notice: string | null;
  onSelect: () => void;
  onToggleSelected: () => void;
  onApprove: () => void;
  onReject: () => void;
  onBan: () => void;
  /** Absent on the moderator's own comment: nobody sets their own trust. */
  onTrust?: () => void;
  onFilter: (change: Partial<QueueFilters>) => void;
  /** The policy the item's article is judged by. */
  loadArticlePolicy: () => Promise<EffectivePolicyView>;
  /** The open reject, ban or trust form, under the item it is for. */
  children?: ComponentChildren;
}

export function itemElementId(commentId: string): string {
  return `item-${commentId}`;
}

/**
 * One queue item: the comment with its matches marked (and its earlier texts, when edited), why it
 * is here, who wrote it and how far the policy trusts them, who else is on it, and the decisions.
 */
export function ItemCard(props: ItemCardProps) {
  const { item, queue, current, selected, fresh, busy, notice } = props;
  const { t, lang, now } = usePageText();
  const { comment, article } = item;
  const edited = item.revisions.length > 0;
  const allowed = actionsIn(queue);
  const elementId = itemElementId(comment.id);
  const claim = item.claim && !item.claim.mine && new Date(item.claim.until).getTime() > now ? item.claim : null;
  const timeOf = (iso: string) => new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(iso));
  const dateOf = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(iso));

  return (
    <li class="item">
      <article
        id={elementId}
        class={`card${current ? ' card-current' : ''}${selected ? ' card-selected' : ''}`}
        tabIndex={-1}
        aria-current={current ? 'true' : undefined}
        aria-labelledby={`${elementId}-author`}
        onClick={props.onSelect}
        onFocusIn={props.onSelect}
      >
        <header class="card-head">
          <input
            type="checkbox"
            class="bulk-check"
            checked={selected}
            aria-label={t.selectForBulk(comment.author.displayName)}
            onChange={props.onToggleSelected}
          />
          <span class="author" id={`${elementId}-author`}>
            {comment.author.displayName}
          </span>
          <time dateTime={comment.createdAt} title={absoluteTime(comment.createdAt, lang)}>
            {relativeTime(comment.createdAt, now, lang)}
          </time>
          <span class={`badge badge-status-${comment.status}`}>{t.status[comment.status]}</span>
          {edited && <span class="badge badge-edited">{t.edited}</span>}
          {item.reportCount > 0 && <span class="badge badge-reports">{t.reportsBadge(item.reportCount)}</span>}
          {fresh && <span class="badge badge-new">{t.newArrival}</span>}
        </header>

        <p class="article-line">
          <span class="muted">{t.onArticle}: </span>
          <span class="article-title">{article.title}</span>
          {article.section && (
            <span class="muted">
              {' '}
              · {t.section} {article.section}
            </span>
          )}{' '}
          <button type="button" class="link-button" onClick={() => props.onFilter({ articleId: article.id })}>
            {t.onlyThisArticle}
          </button>
        </p>
        <ArticlePolicy title={article.title} load={props.loadArticlePolicy} />

        {item.thread.parent && (
          <blockquote class="parent">
            <span class="muted">{t.inReplyTo(item.thread.parent.author.displayName)} </span>
            {item.thread.parent.body}
          </blockquote>
        )}
        <HighlightedBody body={comment.body} reasons={item.reasons} />
        {edited && <EditHistory revisions={item.revisions} current={{ body: comment.body, writtenAt: comment.editedAt ?? comment.createdAt }} />}
        <ReasonList reasons={item.reasons} />
        {item.reports && <ReportList reports={item.reports} />}

        {item.author && (
          <p class="author-line">
            <span class="muted">{t.authorHeading}: </span>
            {item.author.trust !== 'regular' && (
              <>
                <span class={`badge badge-trust badge-trust-${item.author.trust}`} title={t.trustMeanings[item.author.trust]}>
                  {t.trustLevels[item.author.trust]}
                </span>{' '}
              </>
            )}
            {t.authorHistory(dateOf(item.author.since), item.author.approvedCount, item.author.rejectedCount)}{' '}
            <button type="button" class="link-button" onClick={() => props.onFilter({ authorId: comment.author.id })}>
              {t.onlyThisAuthor}
            </button>
          </p>
        )}
        {item.decision && <p class="decision">{t.decided(relativeTime(item.decision.at, now, lang), item.decision.reason)}</p>}
        {claim && <p class="claim">{t.claimedBy(claim.moderator.displayName, timeOf(claim.until))}</p>}

        <div class="card-actions">
          {allowed.approve && (
            <button type="button" class="button button-approve" disabled={busy} onClick={props.onApprove}>
              {t.approve}
            </button>
          )}
          {allowed.reject && (
            <button type="button" class="button" disabled={busy} onClick={props.onReject}>
              {t.reject}
            </button>
          )}
          <button type="button" class="button button-quiet" disabled={busy} onClick={props.onBan}>
            {t.ban}
          </button>
          {props.onTrust && (
            <button type="button" class="button button-quiet" disabled={busy} onClick={props.onTrust}>
              {t.trust}
            </button>
          )}
        </div>
        {notice && (
          <p class="notice notice-error" role="alert">
            {notice}
          </p>
        )}
        {props.children}
      </article>
    </li>
  );
}
