import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createLogger } from '@/common/logging/logger.js';
import { loadConfig } from '@/config/config.js';
import { EMBEDDED_KEY_FILE, loadSiteSecretCipher } from './site-secrets-key.js';

const logger = createLogger('silent');
const SECRET = 'the-publishers-own-hs256-secret-of-32-characters';

describe('the key of the sites’ SSO secrets', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'site-secrets-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('on the embedded database without SITE_SECRETS_KEY, generates one key, keeps it beside the data, and finds it again', async () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = await loadSiteSecretCipher(config, logger);
    expect(first.encrypts).toBe(true);
    const stored = first.seal('default', SECRET);
    const file = await stat(path.join(dataDir, EMBEDDED_KEY_FILE));
    expect(file.mode & 0o777).toBe(0o600);
    const second = await loadSiteSecretCipher(config, logger);
    expect(second.open('default', stored)).toBe(SECRET);
  });

  it('still reads what the generated key encrypted once SITE_SECRETS_KEY is set', async () => {
    const stored = (await loadSiteSecretCipher(loadConfig({ DATA_DIR: dataDir }), logger)).seal('default', SECRET);
    const own = await loadSiteSecretCipher(loadConfig({ DATA_DIR: dataDir, SITE_SECRETS_KEY: randomBytes(32).toString('base64') }), logger);
    expect(own.open('default', stored)).toBe(SECRET);
    expect(own.needsResealing(stored)).toBe(true);
  });

  it('with DATABASE_URL and no key, encrypts nothing and writes no key file', async () => {
    const cipher = await loadSiteSecretCipher(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgresql://db.example/comments' }), logger);
    expect(cipher.encrypts).toBe(false);
    await expect(stat(path.join(dataDir, EMBEDDED_KEY_FILE))).rejects.toThrow(/ENOENT/);
  });
});
