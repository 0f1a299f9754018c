import { z } from 'zod';

/**
 * The key that encrypts each site's publisher SSO secret at rest (AES-256-GCM), and the keys it
 * replaced, still read while stored secrets are re-encrypted under the new one.
 */

const KEY_BYTES = 32;
const KEY_MESSAGE = 'expected 32 bytes in base64 (openssl rand -base64 32)';

function decodeKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

const key = z.string().transform((value, ctx) => {
  const decoded = decodeKey(value);
  if (decoded) return decoded;
  ctx.addIssue({ code: 'custom', message: KEY_MESSAGE });
  return z.NEVER;
});

const keyList = z.string().transform((value, ctx) => {
  const keys: Buffer[] = [];
  for (const [index, part] of value.split(',').entries()) {
    if (part.trim() === '') continue;
    const decoded = decodeKey(part);
    if (!decoded) {
      ctx.addIssue({ code: 'custom', message: `key ${index + 1}: ${KEY_MESSAGE}` });
      return z.NEVER;
    }
    keys.push(decoded);
  }
  return keys;
});

export const siteSecretsEnvShape = {
  SITE_SECRETS_KEY: key.optional(),
  SITE_SECRETS_OLD_KEYS: keyList.optional(),
};

type SiteSecretsEnv = z.infer<z.ZodObject<typeof siteSecretsEnvShape>>;

export interface SiteSecretsConfig {
  /** Encrypts every secret written; unset: a key kept with the embedded database, or none (see the README). */
  key: Buffer | undefined;
  /** Decrypt only: secrets found under one of them are re-encrypted under `key` at start. */
  oldKeys: Buffer[];
}

export function readSiteSecretsConfig(env: SiteSecretsEnv): SiteSecretsConfig {
  return { key: env.SITE_SECRETS_KEY, oldKeys: env.SITE_SECRETS_OLD_KEYS ?? [] };
}
