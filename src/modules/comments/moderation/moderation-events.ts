import type { Prisma } from '@/generated/prisma/client.js';

export const MODERATION_EVENTS = 'moderation_events';

/** What moderators' pages hear live: a queue gained, lost or changed an item. */
export interface ModerationEvent {
  type: 'comment.queued' | 'comment.reported' | 'comment.decided' | 'comment.deleted';
  commentId: string;
  articleId: string;
  status: string;
}

/** Announces the event when (and only if) the surrounding transaction commits. */
export async function announce(tx: Prisma.TransactionClient, event: ModerationEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${MODERATION_EVENTS}, ${JSON.stringify(event)})`;
}
