import { Prisma } from '@/generated/prisma/client.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

/**
 * Writes into the outbox from inside the transaction (or the statement) of the event a message tells
 * about, so a message exists exactly when its event committed. Delivery is the worker's. Every message
 * carries the site of its event, and a site's events go only to that site's webhook endpoints.
 */

/** What a reader can be mailed about, each with the setting that opts in to it. */
export type MailKind = 'reply' | 'decision' | 'standing';
export type MailPayload =
  | { kind: 'reply'; commentId: string; parentId: string }
  | { kind: 'decision'; commentId: string; action: 'approve' | 'reject'; reason: string | null }
  | { kind: 'standing'; action: 'ban' | 'suspend'; until: string | null; reason: string | null }
  /** Sent whatever the reader opted in to: it asks them to confirm the address they typed. */
  | { kind: 'confirm-email'; email: string };

export type WebhookEventType = 'comment.published' | 'comment.held' | 'comment.decided' | 'comment.reported' | 'user.banned';
export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = ['comment.published', 'comment.held', 'comment.decided', 'comment.reported', 'user.banned'];

const OPT_IN_COLUMN = { reply: 'on_reply', decision: 'on_decision', standing: 'on_standing' } as const satisfies Record<MailKind, string>;

/** When a message for a reader with settings `s` is due: now, or at the next hour or day (a digest). */
const DUE_AT = Prisma.sql`CASE s.delivery WHEN 'hourly' THEN date_trunc('hour', now()) + interval '1 hour'
                                     WHEN 'daily' THEN date_trunc('day', now()) + interval '1 day' ELSE now() END`;

/**
 * A mail to the author of each reply's parent, for a WITH clause of the posting statement: `rows` has
 * the comments table's `id`, `parent_id`, `author_id`, `article_id` and `status`. Only published replies
 * to someone else's comment, and only to a reader who opted in with a confirmed address.
 */
export function replyMailSql(scope: SiteScope, rows: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO outbox (id, site_id, channel, recipient_id, payload, available_at)
    SELECT uuidv7(), ${scope.siteId}, 'mail', p.author_id, jsonb_build_object('kind', 'reply', 'commentId', r.id, 'parentId', p.id), ${DUE_AT}
    FROM ${rows} r
    JOIN comments p ON p.id = r.parent_id
    JOIN notification_settings s ON s.user_id = p.author_id AND s.on_reply AND s.email_verified AND s.email IS NOT NULL
    WHERE r.status = 'published' AND p.author_id <> r.author_id`;
}

/** A mail to `recipientId`, if they opted in to its kind (a confirmation is always sent). */
export async function queueMail(tx: Prisma.TransactionClient, scope: SiteScope, recipientId: string, payload: MailPayload): Promise<void> {
  const optedIn =
    payload.kind === 'confirm-email'
      ? Prisma.sql`s.email IS NOT NULL`
      : Prisma.sql`s.${Prisma.raw(OPT_IN_COLUMN[payload.kind])} AND s.email_verified AND s.email IS NOT NULL`;
  const dueAt = payload.kind === 'confirm-email' ? Prisma.sql`now()` : DUE_AT;
  await tx.$executeRaw`
    INSERT INTO outbox (id, site_id, channel, recipient_id, payload, available_at)
    SELECT uuidv7(), ${scope.siteId}, 'mail', s.user_id, ${JSON.stringify(payload)}::jsonb, ${dueAt}
    FROM notification_settings s WHERE s.user_id = ${recipientId}::uuid AND ${optedIn}`;
}

/**
 * One delivery per endpoint of the site that takes `type`, for a WITH clause or a statement of its
 * own: `data` is a SQL expression of type jsonb over the optional `fromRows` (one event per row).
 */
export function webhookEventSql(scope: SiteScope, type: Prisma.Sql, data: Prisma.Sql, fromRows?: Prisma.Sql): Prisma.Sql {
  const from = fromRows ? Prisma.sql`, ${fromRows}` : Prisma.empty;
  return Prisma.sql`
    INSERT INTO outbox (id, site_id, channel, endpoint_id, payload)
    SELECT uuidv7(), e.site_id, 'webhook', e.id,
           jsonb_build_object('type', ${type}::text, 'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                              'siteId', e.site_id, 'data', ${data})
    FROM webhook_endpoints e ${from}
    WHERE e.site_id = ${scope.siteId} AND ${type}::text = ANY (e.events)`;
}

/** A webhook event about one comment, inside the transaction that changed it. */
export async function queueCommentWebhook(
  tx: Prisma.TransactionClient,
  scope: SiteScope,
  type: WebhookEventType,
  commentId: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await tx.$executeRaw`${webhookEventSql(
    scope,
    Prisma.sql`${type}`,
    Prisma.sql`jsonb_build_object('commentId', c.id, 'articleId', c.article_id, 'authorId', c.author_id, 'status', c.status) || ${JSON.stringify(extra)}::jsonb`,
    Prisma.sql`comments c`,
  )} AND c.id = ${commentId}::uuid AND c.site_id = ${scope.siteId}`;
}

/** A webhook event about one user, inside the transaction that changed them. */
export async function queueUserWebhook(tx: Prisma.TransactionClient, scope: SiteScope, type: WebhookEventType, data: Record<string, unknown>): Promise<void> {
  await tx.$executeRaw`${webhookEventSql(scope, Prisma.sql`${type}`, Prisma.sql`${JSON.stringify(data)}::jsonb`)}`;
}
