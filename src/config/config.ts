import { randomBytes } from 'node:crypto';
import { type IdentityRef, parseIdentityRef } from '@/modules/role-grants/identity-ref.js';
import { z } from 'zod';
import { originSchema } from '@/common/validation/origin.js';
import { type LoginProvidersConfig, loginProviderEnvShape, loginProviderProblems, readLoginProviders, type SessionSecretConfig } from './oauth-config.js';
import { type NotificationsConfig, notificationsEnvShape, readNotificationsConfig } from './notifications-config.js';
import { readSsoConfig, type SsoConfig, ssoEnvShape, ssoProblems } from './sso-config.js';
import { readSiteSecretsConfig, type SiteSecretsConfig, siteSecretsEnvShape } from './site-secrets-config.js';

/** `count/seconds`, e.g. `5/60`. */
const rateLimit = z
  .string()
  .regex(/^\d+\/\d+$/, 'expected count/seconds, e.g. 5/60')
  .transform((value) => {
    const [count, seconds] = value.split('/').map(Number) as [number, number];
    return { count, windowSeconds: seconds };
  })
  .refine((limit) => limit.count > 0 && limit.windowSeconds > 0, 'count and seconds must be positive');

/** Seconds, or a number with a unit: `300`, `30s`, `5m`, `1h`. */
const duration = z
  .string()
  .regex(/^\d+(s|m|h)?$/, 'expected seconds or a duration such as 30s, 5m, 1h')
  .transform((value) => {
    const unit = value.at(-1)!;
    const seconds = { s: 1, m: 60, h: 3600 }[unit] ?? 1;
    return Number.parseInt(value, 10) * seconds;
  });

const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

const connectionString = z.string().regex(/^postgres(ql)?:\/\//, 'expected a postgresql:// connection string');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: connectionString.optional(),
  DATABASE_REPLICA_URL: connectionString.optional(),
  REPLICA_MAX_LAG_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  // Tests only: the port tried first when EMBEDDED_DB_PORT is unset, so a test can occupy it without racing for 54329.
  EMBEDDED_DB_FIRST_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
  EMBEDDED_PG_RUNTIME_DIR: z.string().min(1).default('/var/lib/comment-desk'),
  SSO_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit key)').optional(),
  SSO_TRUST_ROLE: flag.default(false),
  PUBLIC_URL: originSchema.optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  AUTO_CREATE_ARTICLES: flag.default(false),
  COMMENT_EDIT_WINDOW: duration.default(300),
  COMMENT_RATE_LIMIT: rateLimit.default({ count: 5, windowSeconds: 60 }),
  AUTH_RATE_LIMIT: rateLimit.default({ count: 30, windowSeconds: 60 }),
  DEV_LOGIN: z.enum(['auto', 'true', 'false']).default('auto'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .default(7 * 24 * 3600),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  TOXICITY_URL: z.url({ protocol: /^https?$/ }).optional(),
  TOXICITY_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(800),
  CLASSIFIER_WEIGHTS: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  DATABASE_POOL_WAIT_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  PAGE_CACHE_MB: z.coerce.number().min(0).max(4_096).default(16),
  PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  ADMIN_SUBJECTS: z.string().optional(),
  ...loginProviderEnvShape,
  ...ssoEnvShape,
  ...notificationsEnvShape,
  ...siteSecretsEnvShape,
});

/** Every variable the service reads, for the checks that each is documented and reaches a deployment. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export interface RateLimitSetting {
  count: number;
  windowSeconds: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Unset: an embedded PostgreSQL under `dataDir` is started. */
  databaseUrl: string | undefined;
  /** A streaming replica of DATABASE_URL for reads; unset: everything reads the primary. */
  databaseReplicaUrl: string | undefined;
  /** Beyond this replication lag, reads go back to the primary until the replica catches up. */
  replicaMaxLagMs: number;
  dataDir: string;
  /** The port tried first; unless set explicitly (EMBEDDED_DB_PORT), a free one is taken when it is busy. */
  embeddedDbPort: number;
  embeddedDbPortIsExplicit: boolean;
  /** As root: where the embedded server's binaries and data go when the `postgres` user cannot reach theirs. */
  embeddedRuntimeDir: string;
  publicUrl: string;
  allowedOrigins: string[];
  /** The first widget load of an unknown article on an allowed site registers it (AUTO_CREATE_ARTICLES). */
  autoCreateArticles: boolean;
  /** Publisher SSO: HS256 with a shared secret, asymmetric keys from a JWKS URL, or both. */
  sso: SsoConfig;
  /** OpenID Connect / OAuth 2.0 login providers: only those configured are present. */
  loginProviders: LoginProvidersConfig;
  /** Key material for the login transaction cookie (SESSION_SECRET). */
  sessionSecret: SessionSecretConfig;
  devLogin: boolean;
  accessTokenTtlSeconds: number;
  rateLimits: { comment: RateLimitSetting; auth: RateLimitSetting };
  /** How long after posting its author may edit a comment (0: never). */
  commentEditWindowSeconds: number;
  logLevel: string;
  shutdownTimeoutMs: number;
  /** The optional toxicity model; the policy's `toxicity` settings decide whether it is asked. */
  toxicity: { url: string | undefined; timeoutMs: number };
  /** The built-in abuse classifier's weights file; the shipped one when unset. */
  classifierWeights: string | undefined;
  /** Connections per instance, and how long a request may wait for one before it answers 503. */
  databasePool: { size: number; waitMs: number };
  /** Public comment pages kept in memory (0 MB: none). */
  pageCache: { maxBytes: number; ttlSeconds: number };
  /** The bearer token `/metrics` asks for; unset: it answers anyone. */
  metricsToken: string | undefined;
  /** Mail, webhooks, their outbox, and the site's accountability and data-rights settings. */
  notifications: NotificationsConfig;
  /** Logins made admins of the default site at every start (ADMIN_SUBJECTS). */
  adminSubjects: IdentityRef[];
  /** The key (and the keys it replaced) that encrypt the sites' SSO secrets at rest. */
  siteSecrets: SiteSecretsConfig;
}

/** SESSION_SECRET's stand-in when unset: one random secret for the life of this process. */
const PROCESS_SESSION_SECRET = randomBytes(32).toString('base64url');

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates the environment once; a bad value names its variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  const adminSubjects = readAdminSubjects(e.ADMIN_SUBJECTS);
  const problems = [...loginProviderProblems(e), ...ssoProblems(e), ...adminSubjects.problems];
  // The embedded server is started by this process, so it cannot have a replica: a setup mistake.
  if (e.DATABASE_REPLICA_URL && !e.DATABASE_URL) problems.push('DATABASE_REPLICA_URL: needs DATABASE_URL, the primary it replicates');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  const publicUrl = e.PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`;
  const allowedOrigins = e.ALLOWED_ORIGINS
    ? e.ALLOWED_ORIGINS.split(',')
        .map((value) => value.trim())
        .filter(Boolean)
        .map((value) => parseOrigin(value))
    : [publicUrl];
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databaseReplicaUrl: e.DATABASE_REPLICA_URL,
    replicaMaxLagMs: e.REPLICA_MAX_LAG_MS,
    dataDir: e.DATA_DIR,
    embeddedDbPort: e.EMBEDDED_DB_PORT ?? e.EMBEDDED_DB_FIRST_PORT,
    embeddedDbPortIsExplicit: e.EMBEDDED_DB_PORT !== undefined,
    embeddedRuntimeDir: e.EMBEDDED_PG_RUNTIME_DIR,
    publicUrl,
    allowedOrigins,
    autoCreateArticles: e.AUTO_CREATE_ARTICLES,
    sso: readSsoConfig(e),
    loginProviders: readLoginProviders(e),
    sessionSecret: e.SESSION_SECRET ? { value: e.SESSION_SECRET, generated: false } : { value: PROCESS_SESSION_SECRET, generated: true },
    // The dev login hands out accounts without a password: only ever for the local demo.
    devLogin: e.NODE_ENV !== 'production' && (e.DEV_LOGIN === 'true' || (e.DEV_LOGIN === 'auto' && !e.DATABASE_URL)),
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    rateLimits: { comment: e.COMMENT_RATE_LIMIT, auth: e.AUTH_RATE_LIMIT },
    commentEditWindowSeconds: e.COMMENT_EDIT_WINDOW,
    logLevel: e.LOG_LEVEL,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    toxicity: { url: e.TOXICITY_URL, timeoutMs: e.TOXICITY_TIMEOUT_MS },
    classifierWeights: e.CLASSIFIER_WEIGHTS,
    databasePool: { size: e.DATABASE_POOL_SIZE, waitMs: e.DATABASE_POOL_WAIT_MS },
    pageCache: { maxBytes: Math.round(e.PAGE_CACHE_MB * 2 ** 20), ttlSeconds: e.PAGE_CACHE_TTL_SECONDS },
    metricsToken: e.METRICS_TOKEN,
    notifications: readNotificationsConfig(e),
    adminSubjects: adminSubjects.identities,
    siteSecrets: readSiteSecretsConfig(e),
  };
}

/** `provider:subject,provider:subject`; each entry that is not one is named. */
function readAdminSubjects(value: string | undefined): { identities: IdentityRef[]; problems: string[] } {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const identities: IdentityRef[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const identity = parseIdentityRef(entry);
    if (identity) identities.push(identity);
    else problems.push(`ADMIN_SUBJECTS: "${entry}" is not a provider:subject, such as dev:alice or oidc:248289761001`);
  }
  return { identities, problems };
}

function parseOrigin(value: string): string {
  const result = originSchema.safeParse(value);
  if (!result.success) throw new ConfigError(`Invalid configuration:\n  ALLOWED_ORIGINS: ${result.error.issues[0]?.message}`);
  return result.data;
}
