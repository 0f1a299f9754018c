import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '@widget/shared/api/api-error.js';
import type { SessionView } from '@/contract/auth.js';
import type { ModerationQueue, QueueCounts, QueueItem } from '@/contract/moderation-queue.js';
import type { QueueFilters } from '../queue/queue-filters.js';
import { describeError } from '@widget/shared/i18n/describe-error.js';
import type { ModerationApi } from '../api/moderation-api.js';
import { withAll, without, toggled } from '../desk/sets.js';
import { useDecisions } from '../desk/use-decisions.js';
import { useLiveQueue } from '../desk/use-live-queue.js';
import { excerpt, useSelection } from '../desk/use-selection.js';
import { type ShortcutKey, useShortcuts } from '../keyboard/use-shortcuts.js';
import { pageSearch } from '../page-params.js';
import { usePageText } from '../page-text.js';
import { actionsIn } from '../queue/queue-membership.js';
import { APPROVAL_REASON } from '../queue/rejection-reasons.js';
import { useClaim } from '../queue/use-claim.js';
import { useQueueCounts } from '../queue/use-queue-counts.js';
import { useQueueList } from '../queue/use-queue-list.js';
import { BanForm } from './BanForm.js';
import { BulkBar } from './BulkBar.js';
import { ItemCard } from './ItemCard.js';
import { LiveIndicator } from './LiveIndicator.js';
import { QueueFilterForm } from './QueueFilterForm.js';
import { QUEUE_PANEL_ID, QueueTabs } from './QueueTabs.js';
import { RejectForm } from './RejectForm.js';
import { ShortcutHelp } from './ShortcutHelp.js';
import { TrustForm } from './TrustForm.js';

interface DeskProps {
  api: ModerationApi;
  session: SessionView;
  initialCounts: QueueCounts;
  initialView: { queue: ModerationQueue; filters: QueueFilters };
  currentToken: () => string | null;
  noteFailure: (error: unknown) => void;
  onRefused: (error: ApiError) => void;
}

/** The open form: rejecting one item or the selection, or banning an item's author or setting their trust. */
type Panel = { kind: 'reject'; ids: string[]; bulk: boolean } | { kind: 'ban' | 'trust'; id: string };

/** The queues at work: tabs, filters, the items, decisions by button and by key, live updates. */
export function Desk({ api, session, initialCounts, initialView, currentToken, noteFailure, onRefused }: DeskProps) {
  const text = usePageText();
  const { t, lang } = text;
  const [view, setView] = useState(initialView);
  const { queue, filters } = view;
  const list = useQueueList(api, queue, filters, noteFailure);
  const counts = useQueueCounts(api, initialCounts);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [panel, setPanel] = useState<Panel | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [statusLine, setStatusLine] = useState<{ text: string; isError: boolean } | null>(null);
  const [spoken, setSpoken] = useState('');
  const latest = useRef({ items: list.items, queue });
  latest.current = { items: list.items, queue };
  const allowed = actionsIn(queue);

  const speak = (words: string): void => {
    // Emptied first, so the same words said twice are still read out.
    setSpoken('');
    window.setTimeout(() => setSpoken(words), 50);
  };
  const say = (words: string, isError = false): void => setStatusLine({ text: words, isError });

  const selection = useSelection(list.items, speak, (position, total, item) =>
    t.currentItem(position, total, item.comment.author.displayName, excerpt(item.comment.body)),
  );
  useClaim(api, selection.currentId, (claim) => list.patch(claim.commentId, { claim }));
  // An arrival is "new" until the moderator has been on it.
  useEffect(() => {
    if (selection.currentId) setFresh((current) => without(current, [selection.currentId!]));
  }, [selection.currentId]);

  const removeItems = (ids: readonly string[]): void => {
    if (ids.length === 0) return;
    selection.handOver(ids);
    list.remove(ids);
    setSelected((current) => without(current, ids));
    setPanel((open) => (open && (open.kind === 'reject' ? open.ids.every((id) => ids.includes(id)) : ids.includes(open.id)) ? null : open));
  };

  const refreshList = (): void => {
    void list.refresh().then((added) => {
      if (added.length === 0) return;
      setFresh((current) => withAll(current, added));
      speak(t.arrived(added.length));
    });
  };

  const decisions = useDecisions({ api, text, removeItems, refreshList, refreshCounts: counts.refresh, say, noteFailure });

  const live = useLiveQueue({
    currentToken,
    queue: () => latest.current.queue,
    myId: session.user.id,
    isShown: (commentId) => latest.current.items.some((item) => item.comment.id === commentId),
    isDeciding: decisions.isDeciding,
    takeOut: (commentId, why) => {
      removeItems([commentId]);
      if (why !== 'mine') say(why === 'edited' ? t.leftByEdit : t.leftElsewhere);
    },
    refreshList,
    refreshCounts: counts.refresh,
    onRefused,
  });

  const changeView = (next: { queue: ModerationQueue; filters: QueueFilters }): void => {
    setView(next);
    selection.clear();
    setSelected(new Set());
    setFresh(new Set());
    setPanel(null);
    setStatusLine(null);
    history.replaceState(history.state, '', location.pathname + pageSearch(location.search, next));
  };

  const closePanel = (): void => {
    setPanel(null);
    selection.refocus();
  };

  const selectedItems = (): QueueItem[] => list.items.filter((item) => selected.has(item.comment.id));
  const isOwn = (item: QueueItem): boolean => item.comment.author.id === session.user.id;

  useShortcuts((key: ShortcutKey, event: KeyboardEvent) => {
    if (helpOpen) return;
    if (key === 'Escape') {
      if (panel) closePanel();
      return;
    }
    if (panel) return;
    event.preventDefault();
    if (key === '?') return setHelpOpen(true);
    if (key === 'j' || key === 'k') return selection.move(key === 'j' ? 1 : -1);
    const item = selection.current;
    if (!item) return say(t.selectFirst);
    const id = item.comment.id;
    switch (key) {
      case 'a':
        return allowed.approve ? void decisions.decide([item], 'approve', APPROVAL_REASON) : say(t.notInThisQueue);
      case 'r':
        return allowed.reject ? setPanel({ kind: 'reject', ids: [id], bulk: false }) : say(t.notInThisQueue);
      case 'b':
        return setPanel({ kind: 'ban', id });
      case 't':
        return isOwn(item) ? say(t.ownTrust) : setPanel({ kind: 'trust', id });
      case 'x':
        return setSelected((current) => toggled(current, id));
    }
  });

  const bulkBusy = selectedItems().some((item) => decisions.busy.has(item.comment.id));

  return (
    <section class="desk" aria-label={t.pageTitle}>
      <div class="desk-bar">
        <QueueTabs queue={queue} counts={counts.counts} onChange={(next) => changeView({ queue: next, filters })} />
        <div class="desk-tools">
          <LiveIndicator status={live} />
          <button type="button" class="button button-quiet" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
            {t.shortcutsButton}
          </button>
        </div>
      </div>
      <QueueFilterForm filters={filters} onApply={(next) => changeView({ queue, filters: next })} />
      <p class="hint muted">{t.shortcutsHint}</p>

      <div class="status-line" role="status">
        {statusLine && <p class={statusLine.isError ? 'notice notice-error' : 'notice'}>{statusLine.text}</p>}
      </div>

      <BulkBar
        count={selected.size}
        canApprove={allowed.approve}
        canReject={allowed.reject}
        busy={bulkBusy}
        onApprove={() => void decisions.decide(selectedItems(), 'approve', APPROVAL_REASON)}
        onReject={() => setPanel({ kind: 'reject', ids: [...selected], bulk: true })}
        onClear={() => setSelected(new Set())}
      >
        {panel?.kind === 'reject' && panel.bulk && (
          <RejectForm
            count={panel.ids.length}
            busy={bulkBusy}
            onSubmit={(reason) => {
              closePanel();
              void decisions.decide(selectedItems(), 'reject', reason);
            }}
            onCancel={closePanel}
          />
        )}
      </BulkBar>

      <div id={QUEUE_PANEL_ID} class="queue-panel" role="tabpanel" aria-labelledby={`tab-${queue}`} tabIndex={-1}>
        {list.state === 'loading' && <p class="muted">{t.loading}</p>}
        {list.state === 'error' && <p class="notice notice-error">{describeError(list.error, t, lang).message}</p>}
        {list.state === 'ready' && list.items.length === 0 && <p class="empty">{t.emptyQueue}</p>}
        <ol class="items">
          {list.items.map((item) => {
            const id = item.comment.id;
            const open = panel && (panel.kind === 'reject' ? !panel.bulk && panel.ids[0] === id : panel.id === id) ? panel : null;
            return (
              <ItemCard
                key={id}
                item={item}
                queue={queue}
                current={selection.currentId === id}
                selected={selected.has(id)}
                fresh={fresh.has(id)}
                busy={decisions.busy.has(id)}
                notice={decisions.notices.get(id) ?? null}
                onSelect={() => selection.point(id)}
                onToggleSelected={() => setSelected((current) => toggled(current, id))}
                onApprove={() => void decisions.decide([item], 'approve', APPROVAL_REASON)}
                onReject={() => setPanel({ kind: 'reject', ids: [id], bulk: false })}
                onBan={() => setPanel({ kind: 'ban', id })}
                onTrust={isOwn(item) ? undefined : () => setPanel({ kind: 'trust', id })}
                onFilter={(change) => changeView({ queue, filters: { ...filters, ...change } })}
                loadArticlePolicy={() => api.articlePolicy(item.article.id)}
              >
                {open?.kind === 'reject' && (
                  <RejectForm
                    count={1}
                    busy={decisions.busy.has(id)}
                    onSubmit={(reason) => {
                      // Focus goes back to the item first, so it moves on to the next one when this one leaves.
                      closePanel();
                      void decisions.decide([item], 'reject', reason);
                    }}
                    onCancel={closePanel}
                  />
                )}
                {open?.kind === 'ban' && (
                  <BanForm
                    authorName={item.comment.author.displayName}
                    onSubmit={async (request) => {
                      const error = await decisions.ban(item, request);
                      if (!error) closePanel();
                      return error;
                    }}
                    onCancel={closePanel}
                  />
                )}
                {open?.kind === 'trust' && (
                  <TrustForm
                    authorName={item.comment.author.displayName}
                    current={item.author.trust}
                    onSubmit={async (request) => {
                      const error = await decisions.setTrust(item, request);
                      if (!error) closePanel();
                      return error;
                    }}
                    onCancel={closePanel}
                  />
                )}
              </ItemCard>
            );
          })}
        </ol>
        {list.nextCursor && (
          <button type="button" class="button load-more" disabled={list.loadingMore} onClick={() => void list.loadMore()}>
            {t.loadMore}
          </button>
        )}
      </div>

      <div class="sr-only" aria-live="polite">
        {spoken}
      </div>
      {helpOpen && (
        <ShortcutHelp
          onClose={() => {
            setHelpOpen(false);
            selection.refocus();
          }}
        />
      )}
    </section>
  );
}
