import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AppLogger } from '@/common/logging/logger.js';
import type { AppConfig } from '@/config/config.js';
import { SiteSecretCipher, SiteSecretKeyError } from './site-secret-cipher.js';

/** Beside the embedded database's data, so the local demo keeps reading its secrets after a restart. */
export const EMBEDDED_KEY_FILE = 'site-secrets.key';

/**
 * The cipher for the sites' SSO secrets: SITE_SECRETS_KEY (with SITE_SECRETS_OLD_KEYS) when set; on the
 * embedded database without it, a key generated once and kept in DATA_DIR beside the data, so
 * `npm start` needs no setting; otherwise none, and secrets are stored as they are (the registry warns).
 */
export async function loadSiteSecretCipher(config: AppConfig, logger: AppLogger): Promise<SiteSecretCipher> {
  const { key, oldKeys } = config.siteSecrets;
  const embedded = config.databaseUrl === undefined;
  const keyFile = path.join(config.dataDir, EMBEDDED_KEY_FILE);
  if (key) {
    // A demo that moves to a key of its own still reads what the generated key encrypted.
    const generated = embedded ? await readKeyFile(keyFile) : undefined;
    return new SiteSecretCipher(key, generated ? [...oldKeys, generated] : oldKeys);
  }
  if (!embedded) return new SiteSecretCipher(undefined, oldKeys);
  const generated = (await readKeyFile(keyFile)) ?? (await createKeyFile(keyFile, logger));
  return new SiteSecretCipher(generated, oldKeys);
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new SiteSecretKeyError(`${file} does not hold a 32-byte base64 key: restore it, or set SITE_SECRETS_KEY`);
  return key;
}

async function createKeyFile(file: string, logger: AppLogger): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true });
  const key = randomBytes(32);
  try {
    // `wx`: of two starts at once, one writes and the other reads what it wrote.
    await writeFile(file, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return (await readKeyFile(file))!;
    throw error;
  }
  logger.info({ file }, 'generated the key that encrypts the sites’ SSO secrets (set SITE_SECRETS_KEY to use your own)');
  return key;
}
