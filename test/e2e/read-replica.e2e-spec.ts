import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findFreePort } from '@/database/free-port.js';
import { ReadRouting, type ReplicaState } from '@/database/read-routing.js';
import type { PrismaClient } from '@/generated/prisma/client.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser, type LoggedInUser } from '../factories/users.js';
import { type ReplicatedDatabase, startReplicatedDatabase } from '../helpers/replica.js';
import { startTestApp, type TestApp } from '../helpers/test-app.js';

/** Polls until `check` passes or the deadline passes; returns whether it passed. */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Which server a client reads from: only a standby is in recovery. */
async function readsStandby(client: PrismaClient): Promise<boolean> {
  const [row] = await client.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
  return row!.standby;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// This file needs a primary and a streaming replica of its own, to pause, stop and start under the app.
describe('reading from a streaming replica', () => {
  let db: ReplicatedDatabase;
  let t: TestApp;
  let routing: ReadRouting;
  let admin: LoggedInUser;

  const startApp = (env: Record<string, string> = {}) => startTestApp({ databaseUrl: db.primaryUrl, env: { DATABASE_REPLICA_URL: db.replicaUrl, ...env } });
  const inState = (of: ReadRouting, state: ReplicaState) => eventually(() => of.replicaState() === state);
  const commentIds = async (articleId: string, token: string): Promise<string[]> => {
    const response = await t.http.get(`/api/v1/articles/${articleId}/comments`, { token });
    expect(response.status).toBe(200);
    return response.body.comments.map((comment: { id: string }) => comment.id);
  };
  /** Everything so far replayed, and known to be by the app: `viewers` read the replica again. */
  const replicaCaughtUp = async (...viewers: LoggedInUser[]) => {
    await db.waitForReplay();
    for (const viewer of viewers) expect(await eventually(() => readsStandby(routing.reader(viewer.user.id)))).toBe(true);
  };

  beforeAll(async () => {
    db = await startReplicatedDatabase();
    t = await startApp();
    routing = t.app.get(ReadRouting);
    expect(await inState(routing, 'healthy')).toBe(true);
    admin = await aUser(t.http, { role: 'admin' });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await db?.destroy();
  });

  describe('ReadRouting', () => {
    it('reads the replica for anyone who did not write, and the primary for a writer until the replica has replayed their write', async () => {
      expect(await readsStandby(routing.reader())).toBe(true);
      expect(await readsStandby(routing.reader('never-wrote'))).toBe(true);

      await db.pauseReplay();
      let writer: LoggedInUser;
      try {
        writer = await aUser(t.http); // a commit on the primary that the paused replica lacks
        routing.noteWrite(writer.user.id);
        expect(await readsStandby(routing.reader(writer.user.id))).toBe(false);
        await sleep(700); // several checks of the replica, which still has not replayed it
        expect(await readsStandby(routing.reader(writer.user.id))).toBe(false);
        expect(await readsStandby(routing.reader())).toBe(true);
        expect(await readsStandby(routing.reader(admin.user.id))).toBe(true);
      } finally {
        await db.resumeReplay();
      }
      expect(await eventually(() => readsStandby(routing.reader(writer.user.id)))).toBe(true);
    });

    it('sends every read to the primary while the replica is down, and to the replica again once it is back', async () => {
      await db.stopReplica();
      try {
        expect(await inState(routing, 'unreachable')).toBe(true);
        expect(await readsStandby(routing.reader())).toBe(false);
      } finally {
        await db.startReplica();
      }
      expect(await inState(routing, 'healthy')).toBe(true);
      expect(await readsStandby(routing.reader())).toBe(true);
    });

    it('sends every read to the primary while the replica lags more than REPLICA_MAX_LAG_MS', async () => {
      const impatient = await startApp({ REPLICA_MAX_LAG_MS: '300' });
      try {
        const impatientRouting = impatient.app.get(ReadRouting);
        expect(await inState(impatientRouting, 'healthy')).toBe(true);
        await db.pauseReplay();
        try {
          await aUser(t.http); // WAL that the replica receives but does not replay
          expect(await inState(impatientRouting, 'lagging')).toBe(true);
          expect(await readsStandby(impatientRouting.reader())).toBe(false);
          expect(routing.replicaState()).toBe('healthy'); // the default allows 30 s
        } finally {
          await db.resumeReplay();
        }
        expect(await inState(impatientRouting, 'healthy')).toBe(true);
        expect(await readsStandby(impatientRouting.reader())).toBe(true);
      } finally {
        await impatient.close();
      }
    });
  });

  describe('listing comments over HTTP', () => {
    it('serves a logged-in reader who did not write from the replica: a new comment shows once replay resumes', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const reader = await aUser(t.http);
      await replicaCaughtUp(reader);

      await db.pauseReplay();
      let comment: { id: string };
      try {
        comment = await aComment(t.http, author.token, article.id);
        expect(await commentIds(article.id, reader.token)).not.toContain(comment.id);
      } finally {
        await db.resumeReplay();
      }
      expect(await eventually(async () => (await commentIds(article.id, reader.token)).includes(comment.id))).toBe(true);
    });

    it('shows the author their own new comment at once, while the replica is paused', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      await replicaCaughtUp(author);

      await db.pauseReplay();
      try {
        const comment = await aComment(t.http, author.token, article.id);
        expect(await commentIds(article.id, author.token)).toContain(comment.id);
        const second = await aComment(t.http, author.token, article.id);
        expect(await commentIds(article.id, author.token)).toEqual(expect.arrayContaining([comment.id, second.id]));
      } finally {
        await db.resumeReplay();
      }
    });

    it('still lists comments, from the primary, while the replica is stopped', async () => {
      const article = await anArticle(t.http, admin.token);
      const author = await aUser(t.http);
      const reader = await aUser(t.http);
      const comment = await aComment(t.http, author.token, article.id);

      await db.stopReplica();
      try {
        // Reads move to the primary once a check finds the replica gone (within about a second).
        expect(await inState(routing, 'unreachable')).toBe(true);
        const later = await aComment(t.http, author.token, article.id);
        expect(await commentIds(article.id, reader.token)).toEqual(expect.arrayContaining([comment.id, later.id]));
        expect(await commentIds(article.id, author.token)).toEqual(expect.arrayContaining([comment.id, later.id]));
        expect((await t.http.get(`/api/v1/articles/${article.id}/comments`)).status).toBe(200);
      } finally {
        await db.startReplica();
      }
      expect(await inState(routing, 'healthy')).toBe(true);
    });

    it('lists comments from the primary when the replica was never reachable', async () => {
      const nowhere = new URL(db.replicaUrl);
      nowhere.port = String(await findFreePort()); // nothing listens there
      const stranded = await startApp({ DATABASE_REPLICA_URL: nowhere.toString() });
      try {
        const strandedAdmin = await aUser(stranded.http, { role: 'admin' });
        const author = await aUser(stranded.http);
        const reader = await aUser(stranded.http);
        const article = await anArticle(stranded.http, strandedAdmin.token);
        const comment = await aComment(stranded.http, author.token, article.id);
        const listed = await stranded.http.get(`/api/v1/articles/${article.id}/comments`, { token: reader.token });
        expect(listed.status).toBe(200);
        expect(listed.body.comments.map((c: { id: string }) => c.id)).toContain(comment.id);
        expect(await inState(stranded.app.get(ReadRouting), 'unreachable')).toBe(true);
        expect(await readsStandby(stranded.app.get(ReadRouting).reader(reader.user.id))).toBe(false);
      } finally {
        await stranded.close();
      }
    });
  });
});
