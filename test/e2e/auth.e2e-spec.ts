import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser, anSsoToken } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const unsignedToken = (claims: Record<string, unknown>): string =>
  [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), Buffer.from(JSON.stringify(claims)).toString('base64url'), ''].join('.');

describe('publisher SSO, sessions and /me', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('trades a valid publisher token for an access token and a contract User', async () => {
    const response = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: 'p-1', name: 'Kim Ji-woo' }) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      accessToken: expect.stringMatching(/^cd_/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      user: { id: expect.any(String), displayName: 'Kim Ji-woo', provider: 'sso', role: 'reader', status: 'active', suspendedUntil: null },
    });
    const me = await t.http.get('/api/v1/me', { token: response.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(response.body.user);
  });

  it('finds the same user on a later login with the same subject', async () => {
    const first = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: 'p-same', name: 'First name' }) });
    const second = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ sub: 'p-same', name: 'Renamed' }) });
    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.user.displayName).toBe('Renamed');
  });

  it('accepts a token id once and refuses its replay with SSO_TOKEN_INVALID', async () => {
    const token = await anSsoToken();
    expect((await t.http.post('/api/v1/auth/sso', { token })).status).toBe(200);
    const replay = await t.http.post('/api/v1/auth/sso', { token });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('SSO_TOKEN_INVALID');
  });

  it.each([
    ['a signature made with another secret', () => anSsoToken({}, { secret: 'another-secret-another-secret-another-secret' })],
    ['alg none', () => unsignedToken({ sub: 'x', jti: 'none-1', exp: Math.floor(Date.now() / 1000) + 60 })],
    ['alg HS512, which is not configured', () => anSsoToken({}, { alg: 'HS512' })],
    ['an expired exp', () => anSsoToken({}, { expiresInSeconds: -300 })],
    ['an iat far in the future', () => anSsoToken({ iat: Math.floor(Date.now() / 1000) + 3600, exp: Math.floor(Date.now() / 1000) + 7200 })],
    ['no sub', () => anSsoToken({ sub: undefined })],
    ['an empty sub', () => anSsoToken({ sub: '' })],
    ['no jti', () => anSsoToken({ jti: undefined })],
    ['no exp', () => anSsoToken({ exp: undefined })],
    ['an exp past the last date a clock can hold', () => anSsoToken({ exp: 8.64e12 + 0.001 })],
    ['a role outside the contract', () => anSsoToken({ role: 'owner' })],
    ['garbage instead of a JWT', () => 'not.a.jwt'],
  ])('refuses a token with %s with 401 SSO_TOKEN_INVALID', async (_, makeToken) => {
    const response = await t.http.post('/api/v1/auth/sso', { token: await makeToken() });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'SSO_TOKEN_INVALID', message: expect.any(String), details: {} } });
  });

  it('refuses a body without a token with 400 VALIDATION_FAILED', async () => {
    const response = await t.http.post('/api/v1/auth/sso', {});
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('ignores the role claim unless SSO_TRUST_ROLE is true', async () => {
    const response = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ role: 'admin' }) });
    expect(response.body.user.role).toBe('reader');
    const put = await t.http.put('/api/v1/articles/x', { title: 'T', url: 'https://x.example' }, { token: response.body.accessToken });
    expect(put.status).toBe(403);
  });

  it('revokes the token at once on logout', async () => {
    const { token } = await aUser(t.http);
    expect((await t.http.get('/api/v1/me', { token })).status).toBe(200);
    const logout = await t.http.post('/api/v1/auth/logout', undefined, { token });
    expect(logout.status).toBe(204);
    const after = await t.http.get('/api/v1/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('AUTH_REQUIRED');
  });

  it.each([
    ['no Authorization header', undefined],
    ['a malformed bearer token', 'Bearer'],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('answers /me with 401 AUTH_REQUIRED for %s', async (_, authorization) => {
    const response = await t.http.get('/api/v1/me', { headers: authorization ? { authorization } : {} });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('lists the configured providers: publisher SSO and the demo login', async () => {
    const response = await t.http.get('/api/v1/auth/providers');
    expect(response.status).toBe(200);
    expect(response.body.providers).toEqual([
      { id: 'sso', name: expect.any(String), kind: 'sso', loginUrl: '/api/v1/auth/sso' },
      { id: 'dev', name: expect.any(String), kind: 'dev', loginUrl: '/api/v1/auth/dev' },
    ]);
  });
});

describe('auth with other settings', () => {
  it('honours the role claim when SSO_TRUST_ROLE=true', async () => {
    const t = await startTestApp({ env: { SSO_TRUST_ROLE: 'true' } });
    try {
      const response = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken({ role: 'admin' }) });
      expect(response.body.user.role).toBe('admin');
      const put = await t.http.put('/api/v1/articles/x', { title: 'T', url: 'https://x.example' }, { token: response.body.accessToken });
      expect(put.status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('lists no provider and has no demo login when neither is configured', async () => {
    const t = await startTestApp({ env: { SSO_SECRET: '', DEV_LOGIN: 'false' } });
    try {
      expect((await t.http.get('/api/v1/auth/providers')).body).toEqual({ providers: [] });
      expect((await t.http.post('/api/v1/auth/dev', { name: 'x' })).status).toBe(404);
      const sso = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken() });
      expect(sso.status).toBe(401);
      expect(sso.body.error.code).toBe('SSO_TOKEN_INVALID');
    } finally {
      await t.close();
    }
  });

  it('limits login attempts per client address with 429 RATE_LIMITED and Retry-After', async () => {
    const t = await startTestApp({ env: { AUTH_RATE_LIMIT: '3/60' } });
    try {
      for (let i = 0; i < 3; i++) expect((await t.http.post('/api/v1/auth/sso', { token: await anSsoToken() })).status).toBe(200);
      const limited = await t.http.post('/api/v1/auth/sso', { token: await anSsoToken() });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe('RATE_LIMITED');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    } finally {
      await t.close();
    }
  });
});
