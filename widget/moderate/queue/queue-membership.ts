import type { ModerationEvent } from '@/contract/moderation-events.js';
import type { ModerationQueue } from '@/contract/moderation-queue.js';

/**
 * Whether an event about a comment shown in `queue` takes it out of that queue: deleted, or decided
 * into a status the queue does not list (pending and reported items leave on any decision; a
 * decision also clears a comment's reports), or edited by its author into one (a held comment whose
 * new text passes is published; a reported one whose new text is held waits in the pending queue).
 */
export function eventTakesOut(queue: ModerationQueue, event: ModerationEvent): boolean {
  switch (event.type) {
    case 'comment.deleted':
      return true;
    case 'comment.decided':
      return !(queue === 'rejected' && event.status === 'rejected') && !(queue === 'approved' && event.status === 'published');
    case 'comment.edited':
      return (queue === 'pending' && event.status !== 'pending') || (queue === 'reported' && event.status !== 'published');
    case 'comment.queued':
    case 'comment.reported':
    case 'comment.claimed':
    case 'comment.featured':
      return false;
  }
}

/** Whether an event about a comment not shown may bring it into `queue`, so the list is worth fetching again. */
export function eventMayBringIn(queue: ModerationQueue, event: ModerationEvent): boolean {
  switch (event.type) {
    case 'comment.queued':
    case 'comment.reported':
      return queue === 'pending' || queue === 'reported';
    case 'comment.decided':
      return (queue === 'rejected' && event.status === 'rejected') || (queue === 'approved' && event.status === 'published');
    case 'comment.edited':
      return (queue === 'pending' && event.status === 'pending') || (queue === 'reported' && event.status === 'published');
    case 'comment.deleted':
    case 'comment.claimed':
    case 'comment.featured':
      return false;
  }
}

/** The decisions that make sense on an item of this queue: none repeats what already stands. */
export function actionsIn(queue: ModerationQueue): { approve: boolean; reject: boolean } {
  return { approve: queue !== 'approved', reject: queue !== 'rejected' };
}
