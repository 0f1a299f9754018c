import type { QueueChangeEvent } from '@/contract/moderation-events.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { Prisma } from '@/generated/prisma/client.js';

export const MODERATION_EVENTS = 'moderation_events';

/** What moderators' pages hear live about a queue; claims announce themselves (ClaimEvent). */
export type ModerationEvent = QueueChangeEvent;

/** Announces the event to the site's moderators when (and only if) the surrounding transaction commits. */
export async function announce(tx: Prisma.TransactionClient, scope: SiteScope, event: ModerationEvent): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${MODERATION_EVENTS}, ${JSON.stringify({ ...event, siteId: scope.siteId })})`;
}

/**
 * The same announcement made inside a statement, for each row of `rows` (a relation with the
 * comments table's `id`, `site_id`, `article_id` and `status`): the `pg_notify` calls as a SELECT to put in a
 * WITH clause, which PostgreSQL runs only if the statement reads from it.
 */
export function announceRowsSql(type: ModerationEvent['type'], rows: Prisma.Sql, where: Prisma.Sql = Prisma.sql`true`): Prisma.Sql {
  return Prisma.sql`
    SELECT pg_notify(${MODERATION_EVENTS}, json_build_object('type', ${type}::text, 'siteId', r.site_id, 'commentId', r.id, 'articleId', r.article_id, 'status', r.status)::text)
    FROM ${rows} r WHERE ${where}`;
}
