import { useRef } from 'preact/hooks';
import { MODERATION_QUEUES, type ModerationQueue, type QueueCounts } from '@/contract/moderation-queue.js';
import { usePageText } from '../page-text.js';

export const QUEUE_PANEL_ID = 'queue-panel';

/** The four queues as tabs with their counts; arrow keys move between them (the ARIA tabs pattern). */
export function QueueTabs({ queue, counts, onChange }: { queue: ModerationQueue; counts: QueueCounts | null; onChange: (queue: ModerationQueue) => void }) {
  const { t, lang } = usePageText();
  const tabs = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = MODERATION_QUEUES[(MODERATION_QUEUES.indexOf(queue) + step + MODERATION_QUEUES.length) % MODERATION_QUEUES.length]!;
    onChange(next);
    tabs.current?.querySelector<HTMLButtonElement>(`#tab-${next}`)?.focus();
  };

  return (
    <div ref={tabs} class="tabs" role="tablist" aria-label={t.queuesLabel} onKeyDown={onKeyDown}>
      {MODERATION_QUEUES.map((name) => {
        const count = name === 'approved' ? null : counts?.[name];
        return (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            class="tab"
            aria-selected={name === queue}
            aria-controls={QUEUE_PANEL_ID}
            tabIndex={name === queue ? 0 : -1}
            onClick={() => onChange(name)}
          >
            {t.queues[name]}
            {count !== null && count !== undefined && <span class="count">{count.toLocaleString(lang)}</span>}
          </button>
        );
      })}
    </div>
  );
}
