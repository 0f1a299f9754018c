import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { reserveAppUrl } from '../helpers/fake-providers/app-url.js';
import { PopupBrowser, postedMessage } from '../helpers/fake-providers/popup-browser.js';
import { authorizeAtOidcProvider, type IdTokenRewrite, startOidcProvider, type TestOidcProvider } from '../helpers/oidc-provider.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const PUBLISHER = 'https://news.example.com';

describe('login through a generic OpenID Connect provider (oidc-provider)', () => {
  let oidc: TestOidcProvider;
  let t: TestApp;
  let loginUrl: string;
  let callbackPrefix: string;

  beforeAll(async () => {
    // The redirect URI must be registered before the app runs, so the app's port is chosen first.
    const app = await reserveAppUrl();
    oidc = await startOidcProvider({ redirectUris: [`${app.url}/api/v1/auth/oidc/callback`] });
    t = await startTestApp({
      env: {
        ...app.env,
        ALLOWED_ORIGINS: PUBLISHER,
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_NAME: 'Newsroom ID',
      },
    });
    loginUrl = `${t.baseUrl}/api/v1/auth/oidc?origin=${encodeURIComponent(PUBLISHER)}`;
    callbackPrefix = `${t.baseUrl}/api/v1/auth/oidc/callback`;
  });
  afterAll(async () => {
    await t?.close();
    await oidc?.close();
  });

  /** Logs in at the provider in a fresh popup and answers the provider's redirect back to the app, not yet followed. */
  async function authorize(login: string, browser = new PopupBrowser()): Promise<{ browser: PopupBrowser; callbackUrl: string }> {
    return { browser, callbackUrl: await authorizeAtOidcProvider(browser, loginUrl, login, callbackPrefix) };
  }

  it('lists the provider with kind oidc and its configured name', async () => {
    const response = await t.http.get('/api/v1/auth/providers');
    expect(response.body.providers[0]).toEqual({ id: 'oidc', name: 'Newsroom ID', kind: 'oidc', loginUrl: '/api/v1/auth/oidc' });
  });

  it('redirects to the provider with PKCE (S256), state and nonce, kept in a sealed first-party cookie', async () => {
    const start = await new PopupBrowser().request(loginUrl);
    expect(start.status).toBe(302);
    const authorization = new URL(start.location!);
    expect(authorization.origin + authorization.pathname).toBe(`${oidc.issuer}/auth`);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: oidc.clientId,
      response_type: 'code',
      redirect_uri: callbackPrefix,
      scope: 'openid profile email',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/.{22,}/),
      nonce: expect.stringMatching(/.{22,}/),
    });
    const cookie = start.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^comment_desk_login=[\w-]+\.\.[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toContain('Path=/api/v1/auth/oidc/callback');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain(authorization.searchParams.get('state')!);
  });

  it('logs a reader in end to end and hands the session to the opener origin only', async () => {
    oidc.setAccount('alice', { name: 'Alice Kim', email: 'alice@idp.example', email_verified: true });
    const { browser, callbackUrl } = await authorize('alice');
    const page = await browser.request(callbackUrl);

    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'nonce-[^']+'/);
    expect(page.headers.get('set-cookie')).toMatch(/^comment_desk_login=; Path=\/api\/v1\/auth\/oidc\/callback; Max-Age=0/);
    const posted = postedMessage(page.text);
    expect(posted?.targetOrigin).toBe(PUBLISHER);
    expect(posted?.message).toEqual({
      type: 'comment-desk:login',
      accessToken: expect.stringMatching(/^cd_/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      user: { id: expect.any(String), displayName: 'Alice Kim', provider: 'oidc', role: 'reader', status: 'active', suspendedUntil: null },
    });

    const token = posted!.message.accessToken as string;
    const me = await t.http.get('/api/v1/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(posted!.message.user);
    const identities = await t.http.get('/api/v1/me/identities', { token });
    expect(identities.body).toEqual({
      identities: [{ provider: 'oidc', subject: `${oidc.issuer}#alice`, email: 'alice@idp.example', emailVerified: true }],
    });
  });

  it('finds the same user on a later login with the same identity', async () => {
    oidc.setAccount('bob', { name: 'Bob Lee' });
    const first = await authorize('bob');
    const firstUser = postedMessage((await first.browser.request(first.callbackUrl)).text)!.message.user as { id: string };
    oidc.setAccount('bob', { name: 'Bob Lee (renamed)' });
    const second = await authorize('bob');
    const secondUser = postedMessage((await second.browser.request(second.callbackUrl)).text)!.message.user as { id: string; displayName: string };
    expect(secondUser.id).toBe(firstUser.id);
    expect(secondUser.displayName).toBe('Bob Lee (renamed)');
  });

  describe('refuses forged, replayed and altered logins with AUTH_REQUIRED', () => {
    function expectRefused(page: { status: number; text: string }, opener: string | null = PUBLISHER): void {
      expect(page.status).toBe(401);
      expect(page.text).toContain('Login failed');
      expect(page.text).not.toMatch(/cd_[\w-]{43}/);
      const posted = postedMessage(page.text);
      if (opener === null) expect(posted).toBeNull();
      else expect(posted).toEqual({ targetOrigin: opener, message: { type: 'comment-desk:login-failed', code: 'AUTH_REQUIRED', message: expect.any(String) } });
    }

    it('a callback whose state was altered', async () => {
      const { browser, callbackUrl } = await authorize('mallory');
      const altered = new URL(callbackUrl);
      altered.searchParams.set('state', 'forged-state-value-forged-state-value');
      expectRefused(await browser.request(altered));
    });

    it('a callback without state', async () => {
      const { browser, callbackUrl } = await authorize('mallory');
      const stripped = new URL(callbackUrl);
      stripped.searchParams.delete('state');
      expectRefused(await browser.request(stripped));
    });

    it('a callback in a browser that did not start the login (no transaction cookie)', async () => {
      const { callbackUrl } = await authorize('mallory');
      expectRefused(await new PopupBrowser().request(callbackUrl), null);
    });

    it('a replayed authorization code', async () => {
      const { browser, callbackUrl } = await authorize('carol');
      const appHost = new URL(t.baseUrl).host;
      const cookiesBefore = browser.cookiesOf(appHost);
      expect((await browser.request(callbackUrl)).status).toBe(200);
      browser.setCookies(appHost, cookiesBefore);
      expectRefused(await browser.request(callbackUrl));
    });

    it("an authorization code injected into another reader's login (PKCE verifier does not match)", async () => {
      const victim = await authorize('victim');
      const attacker = new PopupBrowser();
      const attackerStart = await attacker.request(loginUrl);
      const injected = new URL(victim.callbackUrl);
      injected.searchParams.set('state', new URL(attackerStart.location!).searchParams.get('state')!);
      expectRefused(await attacker.request(injected));
      expect(oidc.grantErrors).toContain('code_verifier does not match code_challenge');
    });

    it('(control: an ID token re-signed unchanged is accepted, so the refusals below are about what changed)', async () => {
      const { browser, callbackUrl } = await authorize('dave');
      oidc.rewriteNextIdToken((_, { claims, sign }) => sign(claims));
      expect((await browser.request(callbackUrl)).status).toBe(200);
    });

    const now = (): number => Math.floor(Date.now() / 1000);
    const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each<[string, IdTokenRewrite]>([
      // Claims that would make this login take over alice's account by its verified e-mail.
      [
        'an ID token altered after signing',
        (token) => {
          const [header, , signature] = token.split('.');
          return [header, base64url({ ...decodeJwt(token), name: 'Alice Kim', email: 'alice@idp.example', email_verified: true }), signature].join('.');
        },
      ],
      ['an unsigned ID token (alg none)', (token) => [base64url({ alg: 'none', typ: 'JWT' }), token.split('.')[1], ''].join('.')],
      ['an ID token for another audience', (_, { claims, sign }) => sign({ ...claims, aud: 'another-client' })],
      ['an ID token from another issuer', (_, { claims, sign }) => sign({ ...claims, iss: 'https://idp.evil.example' })],
      ['an expired ID token', (_, { claims, sign }) => sign({ ...claims, iat: now() - 1200, exp: now() - 600 })],
      ['an ID token with the nonce of another login', (_, { claims, sign }) => sign({ ...claims, nonce: 'nonce-of-another-login' })],
    ])('%s', async (_, rewrite) => {
      const { browser, callbackUrl } = await authorize('dave');
      oidc.rewriteNextIdToken(rewrite);
      expectRefused(await browser.request(callbackUrl));
    });
  });

  it('tells the opener when the reader cancels at the provider', async () => {
    const browser = new PopupBrowser();
    const interaction = await browser.follow(loginUrl);
    const uid = new URL(interaction.url).pathname.split('/').pop();
    const back = await browser.follow(`${oidc.issuer}/interaction/${uid}/abort`, { stopBefore: (location) => location.startsWith(callbackPrefix) });
    const page = await browser.request(back.location!);
    expect(page.status).toBe(401);
    expect(page.text).toContain('The login was cancelled.');
    expect(postedMessage(page.text)?.message).toMatchObject({ type: 'comment-desk:login-failed', code: 'AUTH_REQUIRED' });
  });
});
