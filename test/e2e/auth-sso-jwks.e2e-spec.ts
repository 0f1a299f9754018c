import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { aKeySignedSsoToken, anSsoToken } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import type { HttpResponse } from '../helpers/http-client.js';
import { aClosedPortUrl, aPublisherSigningKey, type PublisherSigningKey, startJwksServer, type TestJwksServer } from '../helpers/jwks-server.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const unsignedToken = (header: Record<string, unknown>, claims: Record<string, unknown>): string =>
  [Buffer.from(JSON.stringify(header)).toString('base64url'), Buffer.from(JSON.stringify(claims)).toString('base64url'), ''].join('.');

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function expectRefused(response: HttpResponse): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status: 401,
    body: { error: { code: 'SSO_TOKEN_INVALID', message: expect.any(String), details: {} } },
  });
}

function expectKeysUnavailable(response: HttpResponse, maxRetryAfterSeconds: number): void {
  expect(response.status).toBe(503);
  expect(response.body).toEqual({ error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String), details: {} } });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(maxRetryAfterSeconds);
}

describe('publisher SSO with keys from a JWKS URL, beside SSO_SECRET', () => {
  let jwks: TestJwksServer;
  let t: TestApp;
  const keys: Record<string, PublisherSigningKey> = {};
  /** A second RSA key, as during a rotation. */
  let nextRsaKey: PublisherSigningKey;
  /** A symmetric key a careless publisher lists in its set. */
  const listedSecret = randomBytes(32);

  beforeAll(async () => {
    for (const alg of ['RS256', 'ES256', 'PS256', 'EdDSA']) keys[alg] = await aPublisherSigningKey(alg);
    nextRsaKey = await aPublisherSigningKey('RS256');
    jwks = await startJwksServer([...Object.values(keys), nextRsaKey, { kty: 'oct', k: listedSecret.toString('base64url'), kid: 'listed-oct', alg: 'HS256' }]);
    t = await startTestApp({ env: { SSO_JWKS_URL: jwks.url } });
  });
  afterAll(async () => {
    await t.close();
    await jwks.close();
  });

  const logIn = (token: string): Promise<HttpResponse> => t.http.post('/api/v1/auth/sso', { token });

  it.each(['RS256', 'ES256', 'PS256', 'EdDSA'])('trades a %s token for an access token and a contract User', async (alg) => {
    const response = await logIn(await aKeySignedSsoToken(keys[alg]!, { sub: `p-${alg}`, name: 'Park Seo-yeon' }));
    expect(response.status).toBe(200);
    expect(response.body.user).toEqual({
      id: expect.any(String),
      displayName: 'Park Seo-yeon',
      provider: 'sso',
      role: 'reader',
      status: 'active',
      suspendedUntil: null,
    });
    expect((await t.http.get('/api/v1/me', { token: response.body.accessToken })).status).toBe(200);
  });

  it('still accepts HS256 tokens signed with SSO_SECRET, for the same publisher users', async () => {
    const byKey = await logIn(await aKeySignedSsoToken(keys.RS256!, { sub: 'p-both' }));
    const bySecret = await logIn(await anSsoToken({ sub: 'p-both' }));
    expect(bySecret.status).toBe(200);
    expect(bySecret.body.user.id).toBe(byKey.body.user.id);
  });

  it('lists publisher SSO once among the providers', async () => {
    const { body } = await t.http.get('/api/v1/auth/providers');
    expect(body.providers.filter((provider: { kind: string }) => provider.kind === 'sso')).toEqual([
      { id: 'sso', name: expect.any(String), kind: 'sso', loginUrl: '/api/v1/auth/sso' },
    ]);
  });

  it('accepts the token id of a key-signed token once and refuses its replay', async () => {
    const token = await aKeySignedSsoToken(keys.ES256!);
    expect((await logIn(token)).status).toBe(200);
    expectRefused(await logIn(token));
  });

  it('accepts a token expired by less than the 30 s clock tolerance and refuses one expired beyond it', async () => {
    expect((await logIn(await aKeySignedSsoToken(keys.RS256!, {}, { expiresInSeconds: -10 }))).status).toBe(200);
    expectRefused(await logIn(await aKeySignedSsoToken(keys.RS256!, {}, { expiresInSeconds: -45 })));
  });

  it('accepts a token without kid signed by either of two keys that fit its alg, and no other', async () => {
    expect((await logIn(await aKeySignedSsoToken(keys.RS256!, {}, { kid: null }))).status).toBe(200);
    expect((await logIn(await aKeySignedSsoToken(nextRsaKey, {}, { kid: null }))).status).toBe(200);
    expectRefused(await logIn(await aKeySignedSsoToken(await aPublisherSigningKey('RS256'), {}, { kid: null })));
  });

  it.each<[string, () => string | Promise<string>]>([
    ['a signature by a key that is not in the set', async () => aKeySignedSsoToken(await aPublisherSigningKey('RS256'))],
    ['a published kid but a signature by another key', async () => aKeySignedSsoToken({ ...(await aPublisherSigningKey('RS256')), kid: keys.RS256!.kid })],
    ["an ES256 key's kid under alg RS256", () => aKeySignedSsoToken(keys.RS256!, {}, { kid: keys.ES256!.kid })],
    ['alg none and a published kid', () => unsignedToken({ alg: 'none', kid: keys.RS256!.kid }, { sub: 'x', jti: 'none-jwks', exp: nowSeconds() + 60 })],
    ['no exp', () => aKeySignedSsoToken(keys.RS256!, { exp: undefined })],
    ['no jti', () => aKeySignedSsoToken(keys.RS256!, { jti: undefined })],
    ['no sub', () => aKeySignedSsoToken(keys.ES256!, { sub: undefined })],
  ])('refuses a key-signed token with %s with 401 SSO_TOKEN_INVALID', async (_, makeToken) => {
    expectRefused(await logIn(await makeToken()));
  });

  it("refuses an HS256 token that uses the publisher's public key as its secret (algorithm confusion)", async () => {
    const key = keys.RS256!;
    expectRefused(await logIn(await anSsoToken({}, { secret: key.publicKeyPem, kid: key.kid })));
    expectRefused(await logIn(await anSsoToken({}, { secret: JSON.stringify(key.publicJwk), kid: key.kid })));
  });

  it('never checks an HS256 token against a symmetric key the key set lists', async () => {
    expectRefused(await logIn(await anSsoToken({}, { secret: listedSecret, kid: 'listed-oct' })));
  });
});

describe('publisher SSO with only one kind of key', () => {
  it('with only SSO_JWKS_URL: lists SSO, accepts key-signed tokens, refuses HS256 even with a public key as secret', async () => {
    const key = await aPublisherSigningKey('ES256');
    const jwks = await startJwksServer([key]);
    const t = await startTestApp({ env: { SSO_SECRET: '', SSO_JWKS_URL: jwks.url } });
    try {
      expect((await t.http.get('/api/v1/auth/providers')).body.providers).toContainEqual({
        id: 'sso',
        name: expect.any(String),
        kind: 'sso',
        loginUrl: '/api/v1/auth/sso',
      });
      expect((await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) })).status).toBe(200);
      expectRefused(await t.http.post('/api/v1/auth/sso', { token: await anSsoToken() }));
      expectRefused(await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({}, { secret: key.publicKeyPem, kid: key.kid }) }));
    } finally {
      await t.close();
      await jwks.close();
    }
  });

  it('with only SSO_SECRET: refuses an asymmetric token', async () => {
    const t = await startTestApp();
    try {
      expectRefused(await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(await aPublisherSigningKey('RS256')) }));
      expect((await t.http.post('/api/v1/auth/sso', { token: await anSsoToken() })).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});

describe('publisher SSO with SSO_ISSUER, SSO_AUDIENCE and SSO_CLOCK_TOLERANCE_SECONDS', () => {
  const issuer = 'https://news.example.com';
  const audience = 'comment-desk';
  let key: PublisherSigningKey;
  let jwks: TestJwksServer;
  let t: TestApp;

  beforeAll(async () => {
    key = await aPublisherSigningKey('RS256');
    jwks = await startJwksServer([key]);
    t = await startTestApp({ env: { SSO_JWKS_URL: jwks.url, SSO_ISSUER: issuer, SSO_AUDIENCE: audience, SSO_CLOCK_TOLERANCE_SECONDS: '5' } });
  });
  afterAll(async () => {
    await t.close();
    await jwks.close();
  });

  const logIn = (token: string): Promise<HttpResponse> => t.http.post('/api/v1/auth/sso', { token });

  it.each<[string, Record<string, unknown>]>([
    ['its iss and aud', { iss: issuer, aud: audience }],
    ['its iss and an aud list that names it', { iss: issuer, aud: ['https://other.example', audience] }],
  ])('accepts a token that carries %s', async (_, claims) => {
    expect((await logIn(await aKeySignedSsoToken(key, claims))).status).toBe(200);
  });

  it.each<[string, Record<string, unknown>]>([
    ['another iss', { iss: 'https://other.example', aud: audience }],
    ['no iss', { aud: audience }],
    ['another aud', { iss: issuer, aud: 'another-service' }],
    ['no aud', { iss: issuer }],
  ])('refuses a key-signed token with %s', async (_, claims) => {
    expectRefused(await logIn(await aKeySignedSsoToken(key, claims)));
  });

  it('checks iss and aud on HS256 tokens too', async () => {
    expect((await logIn(await anSsoToken({ iss: issuer, aud: audience }))).status).toBe(200);
    expectRefused(await logIn(await anSsoToken({ iss: 'https://other.example', aud: audience })));
    expectRefused(await logIn(await anSsoToken({ iss: issuer })));
  });

  it('tolerates the configured clock skew and no more', async () => {
    expect((await logIn(await aKeySignedSsoToken(key, { iss: issuer, aud: audience }, { expiresInSeconds: -2 }))).status).toBe(200);
    // Within the default 30 s, beyond the 5 s configured here.
    expectRefused(await logIn(await aKeySignedSsoToken(key, { iss: issuer, aud: audience }, { expiresInSeconds: -15 })));
    expectRefused(await logIn(await aKeySignedSsoToken(key, { iss: issuer, aud: audience, iat: nowSeconds() + 15, exp: nowSeconds() + 300 })));
  });
});

describe('publisher key rotation', () => {
  it('accepts tokens of the old and the new key while both are published, and refuses the old one once it is gone and the cache expired', async () => {
    const oldKey = await aPublisherSigningKey('RS256', 'key-2024');
    const newKey = await aPublisherSigningKey('RS256', 'key-2025');
    const jwks = await startJwksServer([oldKey]);
    const t = await startTestApp({ env: { SSO_JWKS_URL: jwks.url, SSO_JWKS_CACHE_SECONDS: '5', SSO_JWKS_COOLDOWN_SECONDS: '1' } });
    const logIn = (key: PublisherSigningKey): Promise<HttpResponse> => aKeySignedSsoToken(key).then((token) => t.http.post('/api/v1/auth/sso', { token }));
    try {
      expect((await logIn(oldKey)).status).toBe(200);
      expect(jwks.fetches).toBe(1);

      jwks.publish([oldKey, newKey]);
      await sleep(1_100); // past the cooldown: the new kid may fetch the set again
      expect((await logIn(newKey)).status).toBe(200);
      expect(jwks.fetches).toBe(2);
      expect((await logIn(oldKey)).status).toBe(200);
      expect((await logIn(newKey)).status).toBe(200);
      expect(jwks.fetches).toBe(2);

      jwks.publish([newKey]);
      // Held until the cache expires (5 s after the last fetch), then fetched again without it.
      expect((await logIn(oldKey)).status).toBe(200);
      const afterExpiry = await eventually(
        () => logIn(oldKey),
        (response) => response.status !== 200,
        8_000,
      );
      expectRefused(afterExpiry);
      expect(jwks.fetches).toBe(3);
      expect((await logIn(newKey)).status).toBe(200);
    } finally {
      await t.close();
      await jwks.close();
    }
  });

  it('fetches the set once for any number of tokens with unknown kids within the cooldown', async () => {
    const key = await aPublisherSigningKey('ES256');
    const jwks = await startJwksServer([key]);
    const t = await startTestApp({ env: { SSO_JWKS_URL: jwks.url } });
    try {
      const strangers = await Promise.all(Array.from({ length: 5 }, () => aPublisherSigningKey('ES256')));
      for (let i = 0; i < 20; i++) {
        const token = await aKeySignedSsoToken(strangers[i % strangers.length]!, {}, { kid: `made-up-${i}` });
        expectRefused(await t.http.post('/api/v1/auth/sso', { token }));
      }
      expect(jwks.fetches).toBe(1);
      expect((await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) })).status).toBe(200);
      expect(jwks.fetches).toBe(1);
    } finally {
      await t.close();
      await jwks.close();
    }
  });
});

describe('publisher SSO while the key server is down', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After within the fetch timeout, fetches at most once per cooldown, and takes the same token afterwards', async () => {
    const key = await aPublisherSigningKey('RS256');
    const jwks = await startJwksServer([key]);
    const t = await startTestApp({
      env: { SSO_JWKS_URL: jwks.url, SSO_JWKS_CACHE_SECONDS: '2', SSO_JWKS_COOLDOWN_SECONDS: '2', SSO_JWKS_TIMEOUT_MS: '300' },
    });
    try {
      const token = await aKeySignedSsoToken(key);
      jwks.behave('hang');
      const startedAt = Date.now();
      const hung = await t.http.post('/api/v1/auth/sso', { token });
      expect(Date.now() - startedAt).toBeLessThan(2_500);
      expectKeysUnavailable(hung, 2);
      expect(jwks.fetches).toBe(1);

      for (let i = 0; i < 5; i++) expectKeysUnavailable(await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) }), 2);
      expect(jwks.fetches).toBe(1);

      for (const behaviour of ['fail', 'reset'] as const) {
        jwks.behave(behaviour);
        const fetchesBefore = jwks.fetches;
        const down = await eventually(
          () => t.http.post('/api/v1/auth/sso', { token }),
          () => jwks.fetches > fetchesBefore,
          5_000,
        );
        expectKeysUnavailable(down, 2);
      }

      jwks.behave('serve');
      const back = await eventually(
        () => t.http.post('/api/v1/auth/sso', { token }),
        (response) => response.status !== 503,
        5_000,
      );
      expect(back.status).toBe(200);
    } finally {
      await t.close();
      await jwks.close();
    }
  });

  it('refuses a key set beyond 64 KiB with 503 SERVICE_UNAVAILABLE, without reading it whole', async () => {
    const key = await aPublisherSigningKey('ES256');
    const jwks = await startJwksServer([key]);
    jwks.behave('flood');
    const t = await startTestApp({ env: { SSO_JWKS_URL: jwks.url, SSO_JWKS_COOLDOWN_SECONDS: '1' } });
    try {
      expectKeysUnavailable(await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) }), 1);
      jwks.behave('serve');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect((await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) })).status).toBe(200);
    } finally {
      await t.close();
      await jwks.close();
    }
  });

  it('answers 503 SERVICE_UNAVAILABLE when nothing listens at the JWKS URL', async () => {
    const t = await startTestApp({ env: { SSO_JWKS_URL: await aClosedPortUrl() } });
    try {
      const response = await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(await aPublisherSigningKey('ES256')) });
      expectKeysUnavailable(response, 30);
      // HS256 tokens do not need the key server.
      expect((await t.http.post('/api/v1/auth/sso', { token: await anSsoToken() })).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('keeps accepting tokens of the keys it holds while the key server fails', async () => {
    const key = await aPublisherSigningKey('RS256');
    const jwks = await startJwksServer([key]);
    const t = await startTestApp({ env: { SSO_JWKS_URL: jwks.url, SSO_JWKS_CACHE_SECONDS: '60', SSO_JWKS_COOLDOWN_SECONDS: '1' } });
    try {
      expect((await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) })).status).toBe(200);
      jwks.behave('fail');
      await sleep(1_100); // past the cooldown: an unknown kid asks the key server again, which fails
      expectKeysUnavailable(await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(await aPublisherSigningKey('RS256')) }), 1);
      expect(jwks.fetches).toBe(2);
      expect((await t.http.post('/api/v1/auth/sso', { token: await aKeySignedSsoToken(key) })).status).toBe(200);
      expect(jwks.fetches).toBe(2);
    } finally {
      await t.close();
      await jwks.close();
    }
  });
});
