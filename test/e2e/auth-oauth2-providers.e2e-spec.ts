import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { UserView } from '@/modules/auth/auth.types.js';
import { anSsoToken } from '../factories/users.js';
import { reserveAppUrl } from '../helpers/fake-providers/app-url.js';
import { googleEnv, startFakeGoogle } from '../helpers/fake-providers/fake-google.js';
import { kakaoEnv, startFakeKakao } from '../helpers/fake-providers/fake-kakao.js';
import { naverEnv, startFakeNaver } from '../helpers/fake-providers/fake-naver.js';
import type { FakeOAuth2Provider, FakeUser } from '../helpers/fake-providers/fake-oauth2-server.js';
import { PopupBrowser, postedMessage } from '../helpers/fake-providers/popup-browser.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

type ProviderId = 'google' | 'naver' | 'kakao';
const PROVIDERS: ProviderId[] = ['google', 'naver', 'kakao'];

describe('login through Google, Naver and Kakao (passport strategies against local stand-ins)', () => {
  const fakes = {} as Record<ProviderId, FakeOAuth2Provider>;
  let t: TestApp;
  let userIds = 5_000;
  const aFakeUser = (overrides: Partial<FakeUser> = {}): FakeUser => ({ id: String(++userIds), name: `Reader ${userIds}`, ...overrides });

  beforeAll(async () => {
    [fakes.google, fakes.naver, fakes.kakao] = await Promise.all([startFakeGoogle(), startFakeNaver(), startFakeKakao()]);
    const app = await reserveAppUrl();
    t = await startTestApp({ env: { ...app.env, ...googleEnv(fakes.google), ...naverEnv(fakes.naver), ...kakaoEnv(fakes.kakao) } });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all(Object.values(fakes).map((fake) => fake.close()));
  });

  const loginUrl = (provider: ProviderId): string => `${t.baseUrl}/api/v1/auth/${provider}`;

  /** Signs `user` in at the provider and answers the provider's redirect back to the app, not yet followed. */
  async function authorize(provider: ProviderId, user: FakeUser, browser = new PopupBrowser()): Promise<{ browser: PopupBrowser; callbackUrl: string }> {
    fakes[provider].signIn(user);
    const start = await browser.request(loginUrl(provider));
    expect(start.status).toBe(302);
    const back = await browser.request(start.location!);
    expect(back.location).toMatch(new RegExp(`^${t.baseUrl}/api/v1/auth/${provider}/callback\\?`));
    return { browser, callbackUrl: back.location! };
  }

  async function logIn(provider: ProviderId, user: FakeUser): Promise<{ token: string; user: UserView }> {
    const { browser, callbackUrl } = await authorize(provider, user);
    const page = await browser.request(callbackUrl);
    expect(page.status).toBe(200);
    const message = postedMessage(page.text)!.message;
    return { token: message.accessToken as string, user: message.user as UserView };
  }

  it('lists each configured provider as oauth2, with its login URL', async () => {
    const response = await t.http.get('/api/v1/auth/providers');
    expect(response.body.providers.filter((provider: { kind: string }) => provider.kind === 'oauth2')).toEqual([
      { id: 'naver', name: 'Naver', kind: 'oauth2', loginUrl: '/api/v1/auth/naver' },
      { id: 'kakao', name: 'Kakao', kind: 'oauth2', loginUrl: '/api/v1/auth/kakao' },
      { id: 'google', name: 'Google', kind: 'oauth2', loginUrl: '/api/v1/auth/google' },
    ]);
  });

  it.each(PROVIDERS)('sends the %s authorization request with state (and PKCE S256 for Google) to its configured endpoint', async (provider) => {
    const start = await new PopupBrowser().request(loginUrl(provider));
    const authorization = new URL(start.location!);
    expect(authorization.origin + authorization.pathname).toBe(fakes[provider].authorizationUrl);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
      client_id: fakes[provider].clientId,
      response_type: 'code',
      redirect_uri: `${t.baseUrl}/api/v1/auth/${provider}/callback`,
      state: expect.stringMatching(/.{20,}/),
    });
    if (provider === 'google') expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  });

  it.each(PROVIDERS)('logs a reader in through %s end to end, and later logins find the same user', async (provider) => {
    const person = aFakeUser({ name: `${provider} reader` });
    const first = await logIn(provider, person);
    expect(first.user).toEqual({ id: expect.any(String), displayName: `${provider} reader`, provider, role: 'reader', status: 'active', suspendedUntil: null });
    const me = await t.http.get('/api/v1/me', { token: first.token });
    expect(me.body).toEqual(first.user);
    const identities = await t.http.get('/api/v1/me/identities', { token: first.token });
    expect(identities.body.identities).toEqual([{ provider, subject: person.id, email: null, emailVerified: false }]);

    const again = await logIn(provider, { ...person, name: `${provider} reader, renamed` });
    expect(again.user.id).toBe(first.user.id);
    expect(again.user.displayName).toBe(`${provider} reader, renamed`);
  });

  describe.each(PROVIDERS)('%s refuses with AUTH_REQUIRED', (provider) => {
    it('a callback with the wrong state', async () => {
      const { browser, callbackUrl } = await authorize(provider, aFakeUser());
      const forged = new URL(callbackUrl);
      forged.searchParams.set('state', 'not-the-state-we-sent');
      const page = await browser.request(forged);
      expect(page.status).toBe(401);
      expect(postedMessage(page.text)?.message).toMatchObject({ type: 'comment-desk:login-failed', code: 'AUTH_REQUIRED' });
    });

    it('a callback without state', async () => {
      const { browser, callbackUrl } = await authorize(provider, aFakeUser());
      const stripped = new URL(callbackUrl);
      stripped.searchParams.delete('state');
      expect((await browser.request(stripped)).status).toBe(401);
    });

    it('a replayed callback', async () => {
      const { browser, callbackUrl } = await authorize(provider, aFakeUser());
      const host = new URL(t.baseUrl).host;
      const cookies = browser.cookiesOf(host);
      expect((await browser.request(callbackUrl)).status).toBe(200);
      browser.setCookies(host, cookies);
      expect((await browser.request(callbackUrl)).status).toBe(401);
    });

    it('a login the reader cancelled at the provider', async () => {
      fakes[provider].denyNext();
      const { browser, callbackUrl } = await authorize(provider, aFakeUser());
      const page = await browser.request(callbackUrl);
      expect(page.status).toBe(401);
      expect(page.text).toContain('The login was cancelled.');
    });
  });

  it("refuses a Google code injected into another reader's login: the PKCE verifier does not match", async () => {
    const victim = await authorize('google', aFakeUser());
    const attacker = new PopupBrowser();
    const attackerStart = await attacker.request(loginUrl('google'));
    const injected = new URL(victim.callbackUrl);
    injected.searchParams.set('state', new URL(attackerStart.location!).searchParams.get('state')!);
    expect((await attacker.request(injected)).status).toBe(401);
    expect(fakes.google.tokenErrors).toContain('PKCE verification failed');
  });

  it('makes one user of simultaneous first logins with the same identity', async () => {
    const logins = await Promise.all(
      Array.from({ length: 6 }, async () => t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: 'same-person-at-once' }) })),
    );
    expect(logins.map((login) => login.status)).toEqual(Array(6).fill(200));
    expect(new Set(logins.map((login) => login.body.user.id)).size).toBe(1);
  });

  describe('linking accounts by e-mail', () => {
    it('links a new identity to the account whose identity has the same e-mail, when both providers verified it', async () => {
      const google = await logIn('google', aFakeUser({ email: 'Min.Ji@example.com', emailVerified: true }));
      const kakao = await logIn('kakao', aFakeUser({ email: 'min.ji@example.com', emailVerified: true }));
      expect(kakao.user.id).toBe(google.user.id);
      const identities = await t.http.get('/api/v1/me/identities', { token: kakao.token });
      expect(identities.body.identities.map((identity: { provider: string }) => identity.provider)).toEqual(['google', 'kakao']);
    });

    it('never links when the new login does not verify the e-mail (Naver never says it did)', async () => {
      const google = await logIn('google', aFakeUser({ email: 'seo.yeon@example.com', emailVerified: true }));
      const naver = await logIn('naver', aFakeUser({ email: 'seo.yeon@example.com' }));
      expect(naver.user.id).not.toBe(google.user.id);
    });

    it('links a publisher SSO login only when its token says email_verified: true', async () => {
      const google = await logIn('google', aFakeUser({ email: 'ji.ho@example.com', emailVerified: true }));
      const unverified = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ email: 'ji.ho@example.com' }) });
      expect(unverified.body.user.id).not.toBe(google.user.id);
      const verified = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ email: 'ji.ho@example.com', email_verified: true }) });
      expect(verified.body.user.id).toBe(google.user.id);
    });

    it('never links to an identity whose provider did not verify the e-mail', async () => {
      const kakao = await logIn('kakao', aFakeUser({ email: 'ha.eun@example.com', emailVerified: false }));
      const google = await logIn('google', aFakeUser({ email: 'ha.eun@example.com', emailVerified: true }));
      expect(google.user.id).not.toBe(kakao.user.id);
      const identities = await t.http.get('/api/v1/me/identities', { token: google.token });
      expect(identities.body.identities).toEqual([{ provider: 'google', subject: expect.any(String), email: 'ha.eun@example.com', emailVerified: true }]);
    });
  });
});
