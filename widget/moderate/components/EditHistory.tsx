import type { QueueItem } from '@/contract/moderation-queue.js';
import { absoluteTime, relativeTime } from '@widget/shared/i18n/relative-time.js';
import { usePageText } from '../page-text.js';

interface EditHistoryProps {
  revisions: QueueItem['revisions'];
  /** The text as it stands, and when it was written (the last edit). */
  current: { body: string; writtenAt: string };
}

/** The texts the author replaced, oldest first, then the one that stands: folded until the moderator opens it. */
export function EditHistory({ revisions, current }: EditHistoryProps) {
  const { t, lang, now } = usePageText();
  const writtenAt = (iso: string) => (
    <time class="muted revision-time" dateTime={iso} title={absoluteTime(iso, lang)}>
      {t.written(relativeTime(iso, now, lang))}
    </time>
  );

  return (
    <details class="history">
      <summary>{t.history(revisions.length)}</summary>
      <ol class="revisions" aria-label={t.historyLabel}>
        {revisions.map((revision, index) => (
          <li key={index} class="revision">
            {writtenAt(revision.writtenAt)}
            <p class="revision-body">{revision.body}</p>
          </li>
        ))}
        <li class="revision revision-now">
          <span class="revision-label">{t.historyNow}</span> {writtenAt(current.writtenAt)}
          <p class="revision-body">{current.body}</p>
        </li>
      </ol>
    </details>
  );
}
