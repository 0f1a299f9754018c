import type { LiveStatus } from '../live/moderation-stream.js';
import { usePageText } from '../page-text.js';

/** Whether new items arrive by themselves right now. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const { t } = usePageText();
  return (
    <p class={`live live-${status}`}>
      <span class="live-dot" aria-hidden="true" />
      <span class="sr-only">{t.liveLabel}: </span>
      {t.live[status]}
    </p>
  );
}
