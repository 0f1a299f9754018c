import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpClient } from '../helpers/http-client.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Polls until `check` passes or the deadline passes; returns whether it passed. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

describe('the Standards Board policy as versioned data, shared by every instance', () => {
  let a: TestApp;
  let b: TestApp;
  let admin: LoggedInUser;
  let moderatorOnB: LoggedInUser;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ databaseUrl: a.databaseUrl });
    admin = await aUser(a.http, { role: 'admin' });
    moderatorOnB = await aUser(b.http, { role: 'moderator' });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const rules = (http: HttpClient, token: string) => http.get('/api/v1/policy/rules', { token });
  const decisionOn = async (http: HttpClient, token: string, body: string) =>
    (await http.post('/api/v1/policy/evaluate', { body }, { token })).body.decision as string;

  it('serves the seeded default as version 1 to moderators', async () => {
    const response = await rules(b.http, moderatorOnB.token);
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(1);
    expect(response.body.definition.terms.banned.length).toBeGreaterThan(300);
  });

  it('applies an admin edit on every instance within seconds, and logs it', async () => {
    const { definition } = (await rules(a.http, admin.token)).body;
    expect(await decisionOn(b.http, moderatorOnB.token, 'What a zorblaxian take on the war.')).toBe('publish');

    const edited = { ...definition, version: definition.version + 1, terms: { ...definition.terms, banned: [...definition.terms.banned, 'zorblax'] } };
    const response = await a.http.put('/api/v1/policy/rules', { definition: edited, reason: 'new slur in the wild' }, { token: admin.token });
    expect(response.status).toBe(200);
    expect(response.body.version).toBe(definition.version + 1);

    expect(await eventually(async () => (await decisionOn(b.http, moderatorOnB.token, 'What a zorblaxian take on the war.')) === 'reject')).toBe(true);
    const log = (await a.http.get('/api/v1/moderation/log', { token: admin.token })).body.entries;
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'rule_change',
          reason: 'new slur in the wild',
          details: { fromVersion: definition.version, toVersion: definition.version + 1 },
        }),
      ]),
    );
  });

  it('adds and removes terms a slice at a time, beyond what one request body could carry', async () => {
    const before = (await rules(a.http, admin.token)).body;
    const add = Array.from({ length: 800 }, (_, i) => `blorvak${i.toString(36)}x`);
    for (const [offset, version] of [
      [0, before.version + 1],
      [400, before.version + 2],
    ] as const) {
      const response = await a.http.patch(
        '/api/v1/policy/rules/terms',
        { version, list: 'suspect', add: add.slice(offset, offset + 400), reason: 'new slang' },
        { token: admin.token },
      );
      expect(response.status).toBe(200);
    }
    const after = (await rules(a.http, admin.token)).body;
    expect(after.definition.terms.suspect).toEqual(expect.arrayContaining(add));
    expect(JSON.stringify(after.definition).length).toBeGreaterThan(16 * 1024);
    expect(await eventually(async () => (await decisionOn(b.http, moderatorOnB.token, 'You are such a blorvak1zx today.')) === 'hold')).toBe(true);

    const removed = await a.http.patch('/api/v1/policy/rules/terms', { version: after.version + 1, list: 'suspect', remove: add }, { token: admin.token });
    expect(removed.body.definition.terms.suspect).not.toContain(add[0]);
    const stale = await a.http.patch('/api/v1/policy/rules/terms', { version: after.version, list: 'suspect', add: ['x'] }, { token: admin.token });
    expect(stale.status).toBe(409);
  });

  it('refuses an edit based on an old version with 409 POLICY_VERSION_CONFLICT', async () => {
    const { definition } = (await rules(a.http, admin.token)).body;
    const stale = { ...definition, version: definition.version };
    const response = await a.http.put('/api/v1/policy/rules', { definition: stale }, { token: admin.token });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'POLICY_VERSION_CONFLICT', details: { currentVersion: definition.version } });
  });

  it.each([
    ['an unknown action', (d: PolicyDefinition) => ({ ...d, links: { ...d.links, action: 'shrug' } })],
    ['an unknown field', (d: PolicyDefinition) => ({ ...d, colour: 'red' })],
    ['a term that normalises to nothing', (d: PolicyDefinition) => ({ ...d, terms: { ...d.terms, banned: [...d.terms.banned, '!!!'] } })],
  ])('refuses a policy with %s with 400 VALIDATION_FAILED and keeps the one in force', async (_, edit) => {
    const { definition } = (await rules(a.http, admin.token)).body;
    const response = await a.http.put('/api/v1/policy/rules', { definition: edit({ ...definition, version: definition.version + 1 }) }, { token: admin.token });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect((await rules(a.http, admin.token)).body.version).toBe(definition.version);
  });

  it('lets only admins edit the rules', async () => {
    const { definition } = (await rules(a.http, admin.token)).body;
    const body = { definition: { ...definition, version: definition.version + 1 } };
    expect((await b.http.put('/api/v1/policy/rules', body, { token: moderatorOnB.token })).status).toBe(403);
    expect((await b.http.put('/api/v1/policy/rules', body)).status).toBe(401);
  });
});
