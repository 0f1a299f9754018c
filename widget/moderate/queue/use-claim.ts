import { useEffect, useRef } from 'preact/hooks';
import type { ModerationApi } from '../api/moderation-api.js';
import type { ClaimView } from '@/contract/moderation-queue.js';

/** j/k pass over items quickly: only the item the moderator stays on is claimed. */
const SETTLE_MS = 400;
/** Claims last five minutes; renewed before they run out while the moderator is still on the item. */
const RENEW_MS = 4 * 60_000;

/**
 * Soft-claims the current item, so other moderators see who is looking at it, and lets go of it
 * when the moderator moves on, logs out or closes the page. Claims lock nothing: they only inform.
 */
export function useClaim(api: ModerationApi, commentId: string | null, onClaim: (claim: ClaimView) => void): void {
  const latest = useRef(onClaim);
  latest.current = onClaim;

  useEffect(() => {
    if (!commentId) return;
    let claimed = false;
    const take = (): void => {
      api.claim(commentId).then(
        (claim) => {
          claimed = true;
          latest.current(claim);
        },
        // A claim is a courtesy: an item that is gone, or a hiccup, is not worth a message.
        () => {},
      );
    };
    const settle = window.setTimeout(take, SETTLE_MS);
    const renew = window.setInterval(take, RENEW_MS);
    const releaseOnLeave = (): void => void api.release(commentId, true).catch(() => {});
    window.addEventListener('pagehide', releaseOnLeave);
    return () => {
      window.clearTimeout(settle);
      window.clearInterval(renew);
      window.removeEventListener('pagehide', releaseOnLeave);
      if (claimed) void api.release(commentId).catch(() => {});
    };
  }, [commentId]);
}
