import { z } from 'zod';

/**
 * Mail to readers, webhooks to publishers, the outbox both are delivered from, and the deployment's
 * defaults for what each site may choose about accountability and data rights (a site's own choices
 * are stored with it: SiteRegistry.accountability).
 */

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const int = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

export const notificationsEnvShape = {
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'expected smtp://user:pass@host:port or smtps://…' }).optional(),
  MAIL_FROM: z.string().trim().min(3).max(320).default('Comment Desk <no-reply@localhost>'),
  OUTBOX_WORKER: flag.default(true),
  OUTBOX_POLL_MS: int(50, 600_000, 5_000),
  OUTBOX_RETRY_BASE_MS: int(10, 3_600_000, 30_000),
  OUTBOX_MAX_ATTEMPTS: int(1, 50, 8),
  WEBHOOK_TIMEOUT_MS: int(100, 60_000, 5_000),
  PUBLIC_PROFILES: flag.default(true),
  LIKE_DAILY_CAP: int(0, 100_000, 50),
  LIKE_MIN_GAP_SECONDS: int(0, 3_600, 0),
  ACCOUNT_DELETION: z.enum(['anonymise', 'delete']).default('anonymise'),
};

type NotificationsEnv = z.infer<z.ZodObject<typeof notificationsEnvShape>>;

export interface OutboxConfig {
  /** Off: this instance queues but never delivers (another instance, or a later start, does). */
  worker: boolean;
  pollMs: number;
  /** The first retry waits this long; each next one twice as long (capped at an hour). */
  retryBaseMs: number;
  /** After this many failed attempts a message is dead (the webhooks' dead letters). */
  maxAttempts: number;
}

export interface MailConfig {
  /** Unset: no mail is sent (queued mail waits for a configured instance). */
  smtpUrl: string | undefined;
  from: string;
}

/** The default of each site's accountability settings, for every site that has not chosen its own. */
export interface SiteSettingDefaults {
  /** Readers' public profile pages (history, likes received, 30-day self-deletion share). */
  publicProfiles: boolean;
  /** Likes a reader may give a day (0: no cap). */
  likeDailyCap: number;
  /** The least time between two likes of one reader (0: none). */
  likeMinGapSeconds: number;
  /** What becomes of a deleted account's comments: kept without name or text (`anonymise`), or removed. */
  accountDeletion: 'anonymise' | 'delete';
}

export interface NotificationsConfig {
  mail: MailConfig;
  outbox: OutboxConfig;
  webhookTimeoutMs: number;
  siteDefaults: SiteSettingDefaults;
}

export function readNotificationsConfig(env: NotificationsEnv): NotificationsConfig {
  return {
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM },
    outbox: { worker: env.OUTBOX_WORKER, pollMs: env.OUTBOX_POLL_MS, retryBaseMs: env.OUTBOX_RETRY_BASE_MS, maxAttempts: env.OUTBOX_MAX_ATTEMPTS },
    webhookTimeoutMs: env.WEBHOOK_TIMEOUT_MS,
    siteDefaults: {
      publicProfiles: env.PUBLIC_PROFILES,
      likeDailyCap: env.LIKE_DAILY_CAP,
      likeMinGapSeconds: env.LIKE_MIN_GAP_SECONDS,
      accountDeletion: env.ACCOUNT_DELETION,
    },
  };
}
