import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anSsoToken, aUser } from '../factories/users.js';
import { sql } from '../helpers/sql.js';
import { createTestDatabase, startTestApp, TEST_SITE_SECRETS_KEY, TEST_SSO_SECRET, type TestApp } from '../helpers/test-app.js';

const ENGLISH_SECRET = 'the-english-editions-own-sso-secret-of-32-chars';
const NEW_KEY = randomBytes(32).toString('base64');

/**
 * The sites' publisher SSO secrets at rest: encrypted under SITE_SECRETS_KEY, read back after a
 * restart, encrypted at start when found in plain text, and re-encrypted when the key is rotated.
 * One database outlives the app instances started on it.
 */
describe("the sites' SSO secrets at rest", () => {
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createTestDatabase();
    await withApp({}, async (t) => {
      const operator = await aUser(t.http, { role: 'operator' });
      const created = await t.http.post('/api/v1/sites', { id: 'english', name: 'The English edition', ssoSecret: ENGLISH_SECRET }, { token: operator.token });
      expect(created.status).toBe(201);
      expect(created.text).not.toContain(ENGLISH_SECRET);
    });
  });
  afterAll(() => database.drop());

  async function withApp(env: Record<string, string>, use: (t: TestApp) => Promise<void>): Promise<void> {
    const t = await startTestApp({ databaseUrl: database.url, env });
    try {
      await use(t);
    } finally {
      await t.close();
    }
  }

  /** The column as stored: what someone with a copy of the database would read. */
  const stored = async (siteId: string): Promise<string> =>
    (await sql<{ sso_secret: string }>(database.url, 'SELECT sso_secret FROM sites WHERE id = $1', [siteId]))[0]!.sso_secret;
  const keyIdOf = (value: string) => value.split(':')[2];

  async function expectSsoLogins(t: TestApp): Promise<void> {
    const onDefault = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: `kim-${randomBytes(4).toString('hex')}` }) });
    expect(onDefault.status).toBe(200);
    const onEnglish = await t.http.post(
      '/api/v1/auth/sso',
      { token: await anSsoToken({ sub: `smith-${randomBytes(4).toString('hex')}` }, { secret: ENGLISH_SECRET }) },
      { headers: { 'x-comment-site': 'english' } },
    );
    expect(onEnglish.status).toBe(200);
  }

  it('stores no secret in the table, and the sites API answers none', async () => {
    for (const [site, secret] of [
      ['default', TEST_SSO_SECRET],
      ['english', ENGLISH_SECRET],
    ] as const) {
      const value = await stored(site);
      expect(value).toMatch(/^enc:v1:/);
      expect(value).not.toContain(secret);
    }
    await withApp({}, async (t) => {
      const operator = await aUser(t.http, { role: 'operator' });
      for (const path of ['/api/v1/sites', '/api/v1/sites/english', '/api/v1/sites/default']) {
        const response = await t.http.get(path, { token: operator.token });
        expect(response.status).toBe(200);
        expect(response.text).not.toContain(ENGLISH_SECRET);
        expect(response.text).not.toContain(TEST_SSO_SECRET);
        expect(response.text).not.toContain('enc:v1:');
      }
      const renamed = await t.http.patch('/api/v1/sites/english', { name: 'The English edition' }, { token: operator.token });
      expect(renamed.body).toMatchObject({ ssoSecretSet: true });
      expect(renamed.text).not.toContain(ENGLISH_SECRET);
    });
  });

  it("logs readers in with each site's secret after a restart", async () => {
    await withApp({}, expectSsoLogins);
  });

  it('encrypts a secret found in plain text at start, once', async () => {
    // A table as the versions before encryption left it.
    await sql(database.url, 'UPDATE sites SET sso_secret = $1 WHERE id = $2', [ENGLISH_SECRET, 'english']);
    await withApp({}, expectSsoLogins);
    const encrypted = await stored('english');
    expect(encrypted).toMatch(/^enc:v1:/);
    expect(encrypted).not.toContain(ENGLISH_SECRET);
    await withApp({}, expectSsoLogins);
    expect(await stored('english')).toBe(encrypted);
  });

  it('refuses to start with a key that cannot read the stored secrets, naming the site and the variables', async () => {
    const before = await stored('english');
    await expect(startTestApp({ databaseUrl: database.url, env: { SITE_SECRETS_KEY: NEW_KEY } })).rejects.toThrow(
      /site "[a-z]+" was encrypted with a key that is neither SITE_SECRETS_KEY nor one of SITE_SECRETS_OLD_KEYS/,
    );
    await expect(startTestApp({ databaseUrl: database.url, env: { SITE_SECRETS_KEY: '' } })).rejects.toThrow(
      /is stored encrypted, and SITE_SECRETS_KEY is not set/,
    );
    await expect(startTestApp({ databaseUrl: database.url, env: { SITE_SECRETS_KEY: 'too-short' } })).rejects.toThrow(/SITE_SECRETS_KEY: expected 32 bytes/);
    // Nothing was written by the starts that failed.
    expect(await stored('english')).toBe(before);
  });

  it('rotates the key: the old one still reads, every secret is written again under the new one, then the old one can go', async () => {
    const before = await stored('english');
    await withApp({ SITE_SECRETS_KEY: NEW_KEY, SITE_SECRETS_OLD_KEYS: TEST_SITE_SECRETS_KEY }, expectSsoLogins);
    const after = await stored('english');
    expect(keyIdOf(after)).not.toBe(keyIdOf(before));
    expect(keyIdOf(await stored('default'))).toBe(keyIdOf(after));
    await withApp({ SITE_SECRETS_KEY: NEW_KEY }, expectSsoLogins);
    await expect(startTestApp({ databaseUrl: database.url })).rejects.toThrow(/neither SITE_SECRETS_KEY nor one of SITE_SECRETS_OLD_KEYS/);
  });
});
