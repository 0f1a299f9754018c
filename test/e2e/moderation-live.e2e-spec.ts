import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ModerationEvent } from '@/modules/comments/lifecycle/moderation-events.js';
import { anArticle } from '../factories/articles.js';
import { aComment } from '../factories/comments.js';
import { aUser } from '../factories/users.js';
import { type ServerSentEvent as GenericServerSentEvent, waitForEvent as waitForEventOf } from '../helpers/server-sent-events.js';
import { type InstancePair, startStaffedInstancePair } from '../helpers/test-app.js';

/** A queue event carries a moderation event; a resync carries `{}`. */
type ServerSentEvent = GenericServerSentEvent<Partial<ModerationEvent>>;
const waitForEvent = (url: string, token: string, start: () => Promise<void>, wanted: (e: ServerSentEvent) => boolean) =>
  waitForEventOf<Partial<ModerationEvent>>(url, token, start, wanted);

describe('live queue updates across instances', () => {
  let a: InstancePair['a'];
  let b: InstancePair['b'];
  let admin: InstancePair['admin'];
  let moderator: InstancePair['moderator'];
  let close: InstancePair['close'];
  beforeAll(async () => void ({ a, b, admin, moderator, close } = await startStaffedInstancePair()));
  afterAll(() => close());

  it('streams a decision taken on instance A to a moderator connected to instance B', async () => {
    const article = await anArticle(a.http, admin.token, { premoderation: true });
    const held = await aComment(a.http, (await aUser(a.http)).token, article.id);
    const seen = await waitForEvent(
      `${b.baseUrl}/api/v1/moderation/events`,
      moderator.token,
      async () => {
        expect(
          (await a.http.post(`/api/v1/moderation/comments/${held.id}/decision`, { action: 'approve', reason: 'fine' }, { token: moderator.token })).status,
        ).toBe(200);
      },
      (e) => e.event === 'queue' && e.data.commentId === held.id,
    );
    expect(seen.at(-1)).toEqual({ event: 'queue', data: { type: 'comment.decided', commentId: held.id, articleId: article.id, status: 'published' } });
  });

  it('streams a newly held comment to the moderators on the other instance', async () => {
    const article = await anArticle(a.http, admin.token, { premoderation: true });
    const author = await aUser(b.http);
    let heldId = '';
    const seen = await waitForEvent(
      `${a.baseUrl}/api/v1/moderation/events`,
      moderator.token,
      async () => {
        heldId = (await aComment(b.http, author.token, article.id)).id;
      },
      (e) => e.event === 'queue' && e.data.type === 'comment.queued',
    );
    expect(seen.at(-1)!.data).toEqual({ type: 'comment.queued', commentId: heldId, articleId: article.id, status: 'pending' });
  });

  it('refuses the stream to readers', async () => {
    const reader = await aUser(a.http);
    expect((await a.http.get('/api/v1/moderation/events', { token: reader.token })).status).toBe(403);
  });
});
