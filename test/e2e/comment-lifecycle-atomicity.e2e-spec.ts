import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import type { HttpResponse } from '../helpers/http-client.js';
import { sql } from '../helpers/sql.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * Each change of a comment's state moves its counters, writes its audit entry and announces itself
 * in one transaction. Here the transaction is killed at its last step (the audit log refuses the
 * entry), after the status and the counters already moved inside it: afterwards nothing of it may
 * show, neither a count, nor a revision, nor a live event.
 */
describe('a comment transition killed midway leaves nothing half-done', () => {
  let t: TestApp;
  let admin: LoggedInUser;
  let moderator: LoggedInUser;
  let listener: pg.Client;
  const heard: { channel: string; payload: string }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await aUser(t.http, { role: 'admin' });
    moderator = await aUser(t.http, { role: 'moderator' });
    listener = new pg.Client({ connectionString: t.databaseUrl });
    await listener.connect();
    listener.on('notification', (notice) => heard.push({ channel: notice.channel, payload: notice.payload ?? '' }));
    await listener.query('LISTEN moderation_events; LISTEN comment_changes');
    await sql(
      t.databaseUrl,
      `CREATE FUNCTION refuse_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'the audit log refuses entries (test)'; END $$`,
    );
  });
  afterEach(() => sql(t.databaseUrl, 'DROP TRIGGER IF EXISTS refuse_audit_entry ON moderation_log'));
  afterAll(async () => {
    await listener.end();
    await t.close();
  });

  const killAuditStep = () =>
    sql(t.databaseUrl, 'CREATE TRIGGER refuse_audit_entry BEFORE INSERT ON moderation_log FOR EACH ROW EXECUTE FUNCTION refuse_audit_entry()');
  const healAuditStep = () => sql(t.databaseUrl, 'DROP TRIGGER refuse_audit_entry ON moderation_log');
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
  /** What a change could have touched: the comment, its counters, its log, its revisions. */
  const snapshot = async (articleId: string, commentId: string, parentId?: string) => {
    const [article, log, revisions, reply] = await Promise.all([
      t.http.get(`/api/v1/articles/${articleId}`),
      t.http.get(`/api/v1/moderation/log?commentId=${commentId}`, { token: moderator.token }),
      sql(t.databaseUrl, 'SELECT count(*)::int AS n FROM comment_revisions WHERE comment_id = $1', [commentId]),
      parentId ? t.http.get(`/api/v1/articles/${articleId}/comments`) : Promise.resolve(undefined),
    ]);
    const [row] = await sql(t.databaseUrl, 'SELECT status, body, open_reports, report_count FROM comments WHERE id = $1', [commentId]);
    return {
      comment: row,
      commentCount: article.body.commentCount,
      replyCount: reply?.body.comments.find((comment: { id: string }) => comment.id === parentId)?.replyCount,
      logEntries: log.body.entries.length,
      revisions: revisions[0]?.n,
    };
  };

  /** Runs `act` with the audit step killed, then again healed, and checks both outcomes. */
  async function killedThenHealed(
    setup: { articleId: string; commentId: string; parentId?: string },
    act: () => Promise<HttpResponse>,
    healedStatus: number,
  ): Promise<void> {
    const before = await snapshot(setup.articleId, setup.commentId, setup.parentId);
    await settle();
    heard.length = 0;

    await killAuditStep();
    const killed = await act();
    await settle();

    expect([killed.status, killed.body.error?.code]).toEqual([500, 'INTERNAL']);
    expect(await snapshot(setup.articleId, setup.commentId, setup.parentId)).toEqual(before);
    expect(heard.filter((notice) => notice.payload.includes(setup.commentId) || notice.payload.includes(setup.articleId))).toEqual([]);

    // The same change, healed, goes through and is heard: the checks above could have failed.
    await healAuditStep();
    const healed = await act();
    await settle();
    expect(healed.status).toBe(healedStatus);
    expect(await snapshot(setup.articleId, setup.commentId, setup.parentId)).not.toEqual(before);
    expect(heard.some((notice) => notice.channel === 'moderation_events' && notice.payload.includes(setup.commentId))).toBe(true);
  }

  it('a decision: the comment stays held, uncounted, unlogged, unannounced', async () => {
    const article = await anArticle(t.http, admin.token, { premoderation: true });
    const comment = await aComment(t.http, (await aUser(t.http)).token, article.id);

    await killedThenHealed(
      { articleId: article.id, commentId: comment.id },
      () => t.http.post(`/api/v1/moderation/comments/${comment.id}/decision`, { action: 'approve', reason: 'fine' }, { token: moderator.token }),
      200,
    );
    expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(1);
  });

  it('a deletion: the reply stays, and so do the article’s count and its thread’s reply count', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const thread = await aComment(t.http, author.token, article.id);
    const reply = await aComment(t.http, author.token, article.id, { parentId: thread.id });

    await killedThenHealed(
      { articleId: article.id, commentId: reply.id, parentId: thread.id },
      () => t.http.delete(`/api/v1/comments/${reply.id}`, { token: author.token }),
      204,
    );
    const threads = (await t.http.get(`/api/v1/articles/${article.id}/comments`)).body.comments;
    expect(threads.find((comment: { id: string }) => comment.id === thread.id).replyCount).toBe(0);
  });

  it('a report that requeues: neither the report nor the requeue happens', async () => {
    const article = await anArticle(t.http, admin.token);
    const comment = await aComment(t.http, (await aUser(t.http)).token, article.id);
    for (let i = 0; i < 2; i++) {
      await t.http.post(`/api/v1/comments/${comment.id}/reports`, { reason: 'abuse' }, { token: (await aUser(t.http)).token });
    }
    const third = await aUser(t.http);

    await killedThenHealed(
      { articleId: article.id, commentId: comment.id },
      () => t.http.post(`/api/v1/comments/${comment.id}/reports`, { reason: 'abuse' }, { token: third.token }),
      201,
    );
    expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
  });

  it('an edit: the old text stays public and counted, with no revision kept', async () => {
    const article = await anArticle(t.http, admin.token);
    const author = await aUser(t.http);
    const comment = await aComment(t.http, author.token, article.id, { body: 'Ask the desk for details.' });

    await killedThenHealed(
      { articleId: article.id, commentId: comment.id },
      () => t.http.patch(`/api/v1/comments/${comment.id}`, { body: 'Ask me on 010-2345-6789 for details.' }, { token: author.token }),
      200,
    );
    expect((await t.http.get(`/api/v1/articles/${article.id}`)).body.commentCount).toBe(0);
  });
});
