import type { ApiError } from '@widget/shared/api/api-error.js';
import type { ModerationQueue } from '@/contract/moderation-queue.js';
import type { LiveStatus } from '../live/moderation-stream.js';
import { useModerationEvents } from '../live/use-moderation-events.js';
import { eventMayBringIn, eventTakesOut } from '../queue/queue-membership.js';

export interface LiveQueueDeps {
  currentToken: () => string | null;
  /** Read at each event: the queue on screen and the moderator's own id. */
  queue: () => ModerationQueue;
  myId: string;
  isShown: (commentId: string) => boolean;
  isDeciding: (commentId: string) => boolean;
  /** Why it leaves: the moderator's own decision, another's, or its author's edit. */
  takeOut: (commentId: string, why: 'mine' | 'elsewhere' | 'edited') => void;
  refreshList: () => void;
  refreshCounts: () => void;
  onRefused: (error: ApiError) => void;
}

/**
 * Keeps the desk true while others work: an item decided or deleted elsewhere leaves at once, new
 * arrivals (and others' claims) fetch the list again, every change updates the counts.
 */
export function useLiveQueue(deps: LiveQueueDeps): LiveStatus {
  return useModerationEvents(deps.currentToken, {
    onQueueEvent(event) {
      const queue = deps.queue();
      const shown = deps.isShown(event.commentId);
      if (event.type === 'comment.claimed') {
        // The name of who claimed it comes with the list; my own claims are shown already.
        if (shown && event.moderatorId !== deps.myId) deps.refreshList();
        return;
      }
      deps.refreshCounts();
      if (shown && eventTakesOut(queue, event)) {
        deps.takeOut(event.commentId, event.type === 'comment.edited' ? 'edited' : deps.isDeciding(event.commentId) ? 'mine' : 'elsewhere');
      } else if (shown || eventMayBringIn(queue, event)) deps.refreshList();
    },
    onResync() {
      deps.refreshCounts();
      deps.refreshList();
    },
    onRefused: deps.onRefused,
  });
}
