import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

describe('renewing a login: POST /api/v1/auth/refresh', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ env: { ACCESS_TOKEN_TTL_SECONDS: '3600' } });
  });
  afterAll(() => t.close());

  it('trades the token for a new one with a full lifetime and revokes the old one at once', async () => {
    const reader = await aUser(t.http, { name: 'Renewing reader' });
    const before = Date.now();
    const renewed = await t.http.post('/api/v1/auth/refresh', undefined, { token: reader.token });
    expect(renewed.status).toBe(200);
    expect(renewed.body.user).toMatchObject({ id: reader.user.id, displayName: 'Renewing reader', status: 'active' });
    expect(renewed.body.accessToken).not.toBe(reader.token);
    const lifetime = Date.parse(renewed.body.expiresAt) - before;
    expect(lifetime).toBeGreaterThan(3590_000);
    expect(lifetime).toBeLessThan(3610_000);

    expect((await t.http.get('/api/v1/me', { token: renewed.body.accessToken })).status).toBe(200);
    const old = await t.http.get('/api/v1/me', { token: reader.token });
    expect([old.status, old.body.error.code]).toEqual([401, 'AUTH_REQUIRED']);
    // The old token cannot be renewed again either: a leaked copy dies at the owner's next renewal.
    expect((await t.http.post('/api/v1/auth/refresh', undefined, { token: reader.token })).status).toBe(401);
  });

  it('answers 401 AUTH_REQUIRED for a token logged out, and a logout ends the renewed token too', async () => {
    const reader = await aUser(t.http);
    const renewed = (await t.http.post('/api/v1/auth/refresh', undefined, { token: reader.token })).body.accessToken as string;
    expect((await t.http.post('/api/v1/auth/logout', undefined, { token: renewed })).status).toBe(204);
    const refused = await t.http.post('/api/v1/auth/refresh', undefined, { token: renewed });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'AUTH_REQUIRED']);
    expect((await t.http.post('/api/v1/auth/refresh')).status).toBe(401);
  });

  describe("the widget's kept login: /api/v1/auth/session", () => {
    const own = () => ({ origin: t.baseUrl });
    const cookieOf = (setCookie: string | null) => setCookie?.split(';')[0] ?? '';

    it('keeps a login in a partitioned HttpOnly cookie for its own path, trades it back for the session, and forgets it on logout', async () => {
      const reader = await aUser(t.http, { name: 'Kept reader' });
      const kept = await t.http.put('/api/v1/auth/session', undefined, { token: reader.token, headers: own() });
      expect(kept.status).toBe(204);
      const setCookie = kept.headers.get('set-cookie')!;
      expect(setCookie).toMatch(
        /^comment_desk_kept_login=cd_[\w-]+; Max-Age=\d+; Path=\/api\/v1\/auth\/session; HttpOnly; Secure; Partitioned; SameSite=None$/,
      );
      expect(Number(setCookie.match(/Max-Age=(\d+)/)![1])).toBeGreaterThan(3590);

      const restored = await t.http.post('/api/v1/auth/session', undefined, { headers: { ...own(), cookie: cookieOf(setCookie) } });
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ accessToken: reader.token, user: { id: reader.user.id, displayName: 'Kept reader' } });
      expect(Date.parse(restored.body.issuedAt)).toBeLessThanOrEqual(Date.now());

      const logout = await t.http.post('/api/v1/auth/logout', undefined, { token: reader.token });
      expect(logout.headers.get('set-cookie')).toContain('comment_desk_kept_login=; Max-Age=0');
      const afterLogout = await t.http.post('/api/v1/auth/session', undefined, { headers: { ...own(), cookie: cookieOf(setCookie) } });
      expect([afterLogout.status, afterLogout.body.error.code]).toEqual([401, 'AUTH_REQUIRED']);
      expect(afterLogout.headers.get('set-cookie')).toContain('Max-Age=0');
    });

    it("refuses every call that does not come from the widget's own origin with 403 FORBIDDEN", async () => {
      const reader = await aUser(t.http);
      const kept = await t.http.put('/api/v1/auth/session', undefined, { token: reader.token, headers: own() });
      const cookie = cookieOf(kept.headers.get('set-cookie'));
      for (const headers of [{ cookie }, { cookie, origin: 'https://news.example.com' }, { cookie, origin: 'null' }] as Record<string, string>[]) {
        const refused = await t.http.post('/api/v1/auth/session', undefined, { headers });
        expect([refused.status, refused.body.error.code]).toEqual([403, 'FORBIDDEN']);
        expect(refused.text).not.toContain(reader.token);
      }
      expect((await t.http.put('/api/v1/auth/session', undefined, { token: reader.token, headers: { origin: 'https://news.example.com' } })).status).toBe(403);
    });
  });
});
