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
});
