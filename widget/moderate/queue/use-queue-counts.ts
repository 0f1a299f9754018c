import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ModerationApi } from '../api/moderation-api.js';
import type { QueueCounts } from '@/contract/moderation-queue.js';

/** Events come in bursts (a bulk decision, a ban that rejects many): one count request per burst. */
const SETTLE_MS = 250;

/** How many items wait in each queue; `refresh()` asks again shortly, once however often it is called. */
export function useQueueCounts(api: ModerationApi, initial: QueueCounts | null): { counts: QueueCounts | null; refresh: () => void } {
  const [counts, setCounts] = useState<QueueCounts | null>(initial);
  const timer = useRef(0);

  const refresh = useCallback(() => {
    if (timer.current) return;
    timer.current = window.setTimeout(() => {
      timer.current = 0;
      api.counts().then(
        (answer) => setCounts(answer.queues),
        // The numbers shown stay until the next change asks again.
        () => {},
      );
    }, SETTLE_MS);
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);
  return { counts, refresh };
}
