import type { CommentStatus } from './comments.js';

/** A queue gained, lost or changed an item. */
export interface QueueChangeEvent {
  /** `comment.edited`: its author changed the text; `status` is where the edit left it. `comment.featured`: featured or no longer. */
  type: 'comment.queued' | 'comment.reported' | 'comment.decided' | 'comment.deleted' | 'comment.edited' | 'comment.featured';
  /** The site of the comment, inside the service only: a moderator's stream carries their site's events, without it. */
  siteId?: string;
  commentId: string;
  articleId: string;
  status: CommentStatus;
}

/** A moderator claimed an item (the desk fetches the name with the list). */
export interface ClaimEvent {
  type: 'comment.claimed';
  siteId?: string;
  commentId: string;
  moderatorId: string;
  until: string;
}

/** What moderators' pages hear live, as the data of the server-sent event "queue". */
export type ModerationEvent = QueueChangeEvent | ClaimEvent;
