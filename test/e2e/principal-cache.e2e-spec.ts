import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { anArticle } from '../factories/articles.js';
import { aUser } from '../factories/users.js';
import { eventually } from '../helpers/eventually.js';
import { sql } from '../helpers/sql.js';
import { type InstancePair, startStaffedInstancePair } from '../helpers/test-app.js';

/** Sessions are kept in memory on each instance; these run two instances on one database. */
describe('bearer tokens checked from memory, across instances', () => {
  let a: InstancePair['a'];
  let b: InstancePair['b'];
  let admin: InstancePair['admin'];
  let moderator: InstancePair['moderator'];
  let close: InstancePair['close'];
  beforeAll(async () => void ({ a, b, admin, moderator, close } = await startStaffedInstancePair()));
  afterAll(() => close());

  /** Twice, so the second answer is B's cached one. */
  const meOnB = async (token: string) => {
    await b.http.get('/api/v1/me', { token });
    return b.http.get('/api/v1/me', { token });
  };

  it('refuses on B a token logged out on A', async () => {
    const reader = await aUser(a.http);
    expect((await meOnB(reader.token)).status).toBe(200);
    expect((await a.http.post('/api/v1/auth/logout', undefined, { token: reader.token })).status).toBe(204);
    const refused = await eventually(
      () => b.http.get('/api/v1/me', { token: reader.token }),
      (r) => r.status === 401,
    );
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('AUTH_REQUIRED');
  });

  it('stops on B the writes of a reader banned on A', async () => {
    const reader = await aUser(a.http);
    const article = await anArticle(a.http, admin.token);
    expect((await meOnB(reader.token)).body.status).toBe('active');
    expect((await a.http.post(`/api/v1/moderation/users/${reader.user.id}/ban`, { until: null, reason: 'abuse' }, { token: moderator.token })).status).toBe(
      200,
    );
    const refused = await eventually(
      () => b.http.post(`/api/v1/articles/${article.id}/comments`, { body: 'Can I still post?' }, { token: reader.token }),
      (r) => r.status === 403,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('USER_BANNED');
  });

  it('applies on B a role granted on A', async () => {
    const reader = await aUser(a.http);
    expect((await b.http.get('/api/v1/moderation/queues/pending', { token: reader.token })).status).toBe(403);
    expect((await b.http.get('/api/v1/moderation/queues/pending', { token: reader.token })).status).toBe(403);
    expect(
      (await a.http.put(`/api/v1/moderation/users/${reader.user.id}/role`, { role: 'moderator', reason: 'new hire' }, { token: admin.token })).status,
    ).toBe(200);
    expect(
      (
        await eventually(
          () => b.http.get('/api/v1/moderation/queues/pending', { token: reader.token }),
          (r) => r.status === 200,
        )
      ).status,
    ).toBe(200);
  });

  it('refuses a token revoked in the database by hand (an operator ending sessions)', async () => {
    const reader = await aUser(a.http);
    expect((await meOnB(reader.token)).status).toBe(200);
    await sql(a.databaseUrl, 'UPDATE sessions SET revoked_at = now() WHERE user_id = $1', [reader.user.id]);
    expect(
      (
        await eventually(
          () => b.http.get('/api/v1/me', { token: reader.token }),
          (r) => r.status === 401,
        )
      ).status,
    ).toBe(401);
  });

  it('refuses a cached token once its session has expired', async () => {
    const reader = await aUser(a.http);
    expect((await meOnB(reader.token)).status).toBe(200);
    await sql(a.databaseUrl, "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [reader.user.id]);
    expect(
      (
        await eventually(
          () => b.http.get('/api/v1/me', { token: reader.token }),
          (r) => r.status === 401,
        )
      ).status,
    ).toBe(401);
  });
});
