import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '@/database/free-port.js';
import { reserveAppUrl } from '../helpers/fake-providers/app-url.js';
import { googleEnv, startFakeGoogle } from '../helpers/fake-providers/fake-google.js';
import type { FakeOAuth2Provider } from '../helpers/fake-providers/fake-oauth2-server.js';
import { PopupBrowser, postedMessage } from '../helpers/fake-providers/popup-browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PUBLISHER = 'https://news.example.com';

describe('the popup login: who may open it, and how it answers', () => {
  let google: FakeOAuth2Provider;
  let t: TestApp;

  beforeAll(async () => {
    google = await startFakeGoogle();
    const app = await reserveAppUrl();
    t = await startTestApp({ env: { ...app.env, ...googleEnv(google), ALLOWED_ORIGINS: `${PUBLISHER},https://www.news.example.com` } });
  });
  afterAll(async () => {
    await t?.close();
    await google?.close();
  });

  const start = (origin?: string): string => `${t.baseUrl}/api/v1/auth/google${origin === undefined ? '' : `?origin=${encodeURIComponent(origin)}`}`;

  it.each([PUBLISHER, 'https://www.news.example.com'])('starts a login for the allowed origin %s', async (origin) => {
    const response = await new PopupBrowser().request(start(origin));
    expect(response.status).toBe(302);
    expect(response.location).toMatch(new RegExp(`^${google.authorizationUrl}\\?`));
  });

  it("starts a login for the service's own origin (the widget frame), also when origin is left out", async () => {
    for (const url of [start(t.baseUrl), start()]) {
      const browser = new PopupBrowser();
      const authorization = await browser.request(url);
      const callback = await browser.request(authorization.location!);
      const page = await browser.request(callback.location!);
      expect(postedMessage(page.text)?.targetOrigin).toBe(t.baseUrl);
    }
  });

  it.each([
    ['an origin that is not allowed', 'https://evil.example'],
    ['a look-alike of an allowed origin', 'https://news.example.com.evil.example'],
    ['an allowed host over another scheme', 'http://news.example.com'],
    ['an allowed host on another port', 'https://news.example.com:8443'],
    ['a URL with a path', 'https://news.example.com/article'],
    ['a wildcard', '*'],
    ['the opaque origin "null"', 'null'],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('refuses %s with VALIDATION_FAILED, before anything reaches the provider', async (_, origin) => {
    const api = await t.http.get(`/api/v1/auth/google?origin=${encodeURIComponent(origin)}`);
    expect(api.status).toBe(400);
    expect(api.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: expect.any(String), details: expect.any(Object) } });

    const popup = await new PopupBrowser().request(start(origin));
    expect(popup.status).toBe(400);
    expect(popup.location).toBeNull();
    expect(popup.headers.get('set-cookie')).toBeNull();
    expect(popup.headers.get('content-type')).toMatch(/^text\/html/);
    expect(popup.text).toContain('Login failed');
    // A page that is not allowed learns nothing: the failure page posts no message at all.
    expect(postedMessage(popup.text)).toBeNull();
  });

  it('refuses a repeated origin parameter', async () => {
    const response = await t.http.get(`/api/v1/auth/google?origin=${encodeURIComponent(PUBLISHER)}&origin=https%3A%2F%2Fevil.example`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['an unknown provider', 'facebook'],
    ['a provider that is not configured here', 'kakao'],
    ['a provider that is not a popup login', 'sso'],
  ])('answers %s with NOT_FOUND', async (_, provider) => {
    for (const path of [`/api/v1/auth/${provider}`, `/api/v1/auth/${provider}/callback?code=x&state=y`]) {
      const response = await t.http.get(path);
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('answers a failed callback with the error envelope to an API client', async () => {
    const response = await t.http.get('/api/v1/auth/google/callback?code=x&state=y');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'AUTH_REQUIRED', message: expect.any(String), details: {} } });
  });

  it('escapes whatever a provider says about the reader on the pages it renders', async () => {
    google.signIn({ id: '666', name: '</script><script>alert(1)</script>' });
    const browser = new PopupBrowser();
    const authorization = await browser.request(start(PUBLISHER));
    const callback = await browser.request(authorization.location!);
    const page = await browser.request(callback.location!);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('<script>alert(1)');
    expect(postedMessage(page.text)?.message.user).toMatchObject({ displayName: '</script><script>alert(1)</script>' });
  });
});

describe('popup login limits and outages', () => {
  it('limits login attempts per client address (AUTH_RATE_LIMIT), telling the opener', async () => {
    const google = await startFakeGoogle();
    const app = await reserveAppUrl();
    const t = await startTestApp({ env: { ...app.env, ...googleEnv(google), AUTH_RATE_LIMIT: '2/60', ALLOWED_ORIGINS: PUBLISHER } });
    try {
      const url = `${t.baseUrl}/api/v1/auth/google?origin=${encodeURIComponent(PUBLISHER)}`;
      for (let attempt = 0; attempt < 2; attempt++) expect((await new PopupBrowser().request(url)).status).toBe(302);
      const limited = await new PopupBrowser().request(url);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(postedMessage(limited.text)).toEqual({
        targetOrigin: PUBLISHER,
        message: { type: 'comment-desk:login-failed', code: 'RATE_LIMITED', message: expect.any(String) },
      });
      // The SSO route shares the same per-address budget.
      expect((await t.http.post('/api/v1/auth/sso', { token: 'x' })).status).toBe(429);
    } finally {
      await t.close();
      await google.close();
    }
  });

  it('answers SERVICE_UNAVAILABLE while the OpenID provider cannot be reached for discovery', async () => {
    const closedPort = await findFreePort();
    const t = await startTestApp({ env: { OIDC_ISSUER: `http://127.0.0.1:${closedPort}`, OIDC_CLIENT_ID: 'comment-desk' } });
    try {
      const response = await t.http.get('/api/v1/auth/oidc');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(response.body.error.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await t.close();
    }
  });
});

describe('GET /api/v1/auth/providers lists exactly the configured providers', () => {
  const google = { GOOGLE_CLIENT_ID: 'g-id', GOOGLE_CLIENT_SECRET: 'g-secret' };
  const naver = { NAVER_CLIENT_ID: 'n-id', NAVER_CLIENT_SECRET: 'n-secret' };
  const kakao = { KAKAO_CLIENT_ID: 'k-id' };
  // Discovery waits for the first login, so listing needs no provider running.
  const oidc = { OIDC_ISSUER: 'https://login.example.com', OIDC_CLIENT_ID: 'o-id', OIDC_NAME: 'Example ID' };
  const noSsoNoDemo = { SSO_SECRET: '', DEV_LOGIN: 'false' };

  it.each<[string, Record<string, string>, string[]]>([
    ['none', noSsoNoDemo, []],
    ['Kakao only', { ...noSsoNoDemo, ...kakao }, ['kakao:oauth2']],
    ['Google and OIDC', { ...noSsoNoDemo, ...google, ...oidc }, ['google:oauth2', 'oidc:oidc']],
    ['Naver with SSO', { DEV_LOGIN: 'false', ...naver }, ['naver:oauth2', 'sso:sso']],
    ['everything', { ...google, ...naver, ...kakao, ...oidc }, ['naver:oauth2', 'kakao:oauth2', 'google:oauth2', 'oidc:oidc', 'sso:sso', 'dev:dev']],
  ])('%s', async (_, env, expected) => {
    const t = await startTestApp({ env });
    try {
      const { providers } = (await t.http.get('/api/v1/auth/providers')).body as { providers: Array<{ id: string; kind: string; loginUrl: string }> };
      expect(providers.map((provider) => `${provider.id}:${provider.kind}`)).toEqual(expected);
      for (const provider of providers.filter((p) => p.kind === 'oauth2' || p.kind === 'oidc')) {
        expect(provider.loginUrl).toBe(`/api/v1/auth/${provider.id}`);
      }
    } finally {
      await t.close();
    }
  });
});
