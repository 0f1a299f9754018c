import { z } from 'zod';

/**
 * Publisher SSO: the publisher signs a short-lived JWT for its logged-in reader, either with a shared
 * secret (HS256, SSO_SECRET) or with a private key whose public half it publishes as a JSON Web Key
 * Set (SSO_JWKS_URL). Either, both or neither may be set.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const seconds = (min: number, max: number, fallback: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/** The JWKS, issuer, audience and clock settings; SSO_SECRET and SSO_TRUST_ROLE are read with the contract's variables. */
export const ssoEnvShape = {
  SSO_JWKS_URL: z.url({ protocol: /^https?$/, error: 'expected an https:// URL of a JSON Web Key Set' }).optional(),
  SSO_JWKS_CACHE_SECONDS: seconds(1, 86_400, 600),
  SSO_JWKS_COOLDOWN_SECONDS: seconds(1, 3_600, 30),
  SSO_JWKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(3_000),
  SSO_ISSUER: z.string().trim().min(1).max(255).optional(),
  SSO_AUDIENCE: z.string().trim().min(1).max(255).optional(),
  SSO_CLOCK_TOLERANCE_SECONDS: seconds(0, 300, 30),
};

type SsoEnv = z.infer<z.ZodObject<typeof ssoEnvShape>> & { NODE_ENV: string; SSO_SECRET?: string | undefined; SSO_TRUST_ROLE: boolean };

export interface SsoJwksConfig {
  url: string;
  /** Keys are refetched once they are this old, even when every token still finds its key. */
  cacheMaxAgeSeconds: number;
  /** The least time between two fetches: after one, an unknown `kid` does not fetch again, nor does a failure retry. */
  cooldownSeconds: number;
  timeoutMs: number;
}

export interface SsoConfig {
  /** HS256 key; unset: HS256 tokens are refused. */
  secret: string | undefined;
  /** Asymmetric keys (RS, PS, ES, EdDSA); unset: such tokens are refused. */
  jwks: SsoJwksConfig | undefined;
  /** When set, a token must carry exactly this `iss`. */
  issuer: string | undefined;
  /** When set, a token's `aud` must be or contain this value. */
  audience: string | undefined;
  clockToleranceSeconds: number;
  trustRole: boolean;
}

/** Settings that parse but cannot be used. */
export function ssoProblems(env: SsoEnv): string[] {
  const problems: string[] = [];
  if (env.SSO_JWKS_URL) {
    const url = new URL(env.SSO_JWKS_URL);
    // Keys fetched in the clear could be swapped on the way: plain HTTP only for a key server on this machine.
    const plainHttpAllowed = env.NODE_ENV !== 'production' && LOOPBACK_HOSTS.has(url.hostname);
    if (url.protocol !== 'https:' && !plainHttpAllowed) {
      problems.push('SSO_JWKS_URL: must be an https:// URL (http:// only on a loopback address, and never in production)');
    }
    if (url.username || url.password) problems.push('SSO_JWKS_URL: must not carry credentials');
  }
  if (env.SSO_JWKS_COOLDOWN_SECONDS > env.SSO_JWKS_CACHE_SECONDS) {
    problems.push('SSO_JWKS_COOLDOWN_SECONDS: must not be longer than SSO_JWKS_CACHE_SECONDS');
  }
  return problems;
}

export function readSsoConfig(env: SsoEnv): SsoConfig {
  return {
    secret: env.SSO_SECRET,
    jwks: env.SSO_JWKS_URL
      ? {
          url: env.SSO_JWKS_URL,
          cacheMaxAgeSeconds: env.SSO_JWKS_CACHE_SECONDS,
          cooldownSeconds: env.SSO_JWKS_COOLDOWN_SECONDS,
          timeoutMs: env.SSO_JWKS_TIMEOUT_MS,
        }
      : undefined,
    issuer: env.SSO_ISSUER,
    audience: env.SSO_AUDIENCE,
    clockToleranceSeconds: env.SSO_CLOCK_TOLERANCE_SECONDS,
    trustRole: env.SSO_TRUST_ROLE,
  };
}
