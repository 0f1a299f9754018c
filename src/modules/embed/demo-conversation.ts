import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@/config/config.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import { AuthService } from '@/modules/auth/auth.service.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { CommentReactionsService } from '@/modules/comments/comment-reactions.service.js';
import { CommentLifecycle } from '@/modules/comments/lifecycle/comment-lifecycle.service.js';
import { DEMO_ARTICLE } from './demo-article.js';
import { SiteRegistry } from '@/modules/sites/site-registry.js';

interface SampleComment {
  author: string;
  body: string;
  replies?: { author: string; body: string }[];
  /** Readers of the sample who like it. */
  likedBy?: string[];
}

/** A few readers talking under the demo article, in our own words, so the demo does not start empty. */
export const DEMO_CONVERSATION: SampleComment[] = [
  {
    author: '김민준',
    body: '파병 소식이 이렇게 빨리 한반도 안보 문제로 이어질 줄은 몰랐습니다. 정부가 어떤 선택지를 검토하는지 잘 정리된 기사네요.',
    likedBy: ['Emma Clarke', '이지은', 'Park Seo-jun'],
    replies: [{ author: '이지은', body: '동의합니다. 다음 기사에서는 러시아가 무엇을 대가로 줄 수 있는지도 더 다뤄 주면 좋겠어요.' }],
  },
  {
    author: 'Emma Clarke',
    body: 'Helpful background for readers outside Korea. The section on what Pyongyang might gain in return was the part I had not seen explained elsewhere.',
    likedBy: ['김민준'],
    replies: [{ author: 'Park Seo-jun', body: 'Same here. A map of where the troops are said to be would help too.' }],
  },
  {
    author: '최수아',
    body: '우크라이나 전쟁이 먼 나라 이야기가 아니라는 점이 와닿습니다. 차분하게 사실 위주로 써 주셔서 감사합니다.',
  },
];

/**
 * The local demo's article (embedded PostgreSQL only): registered at start, and given the sample
 * conversation while it has no comments. The comments go through the same lifecycle as readers'
 * (the policy judges them), posted by demo accounts whose sessions are revoked once done.
 */
export async function prepareDemoArticle(app: INestApplicationContext, config: AppConfig): Promise<void> {
  const { id, title, section } = DEMO_ARTICLE;
  const site = app.get(SiteRegistry).defaultScope;
  const article = await app
    .get(ArticlesService)
    .ensure(site, id, { title, section, url: `${config.publicUrl}/`, commentsOpen: true, premoderation: false, memorial: false });
  if (article.commentCount === 0) await seedConversation(app, id, DEMO_CONVERSATION);
}

/** Posts `conversation` under an article; `accounts` names the set of sample accounts that post it. */
export async function seedConversation(app: INestApplicationContext, articleId: string, conversation: SampleComment[], accounts = 'sample'): Promise<void> {
  const site = app.get(SiteRegistry, { strict: false }).defaultScope;
  const auth = app.get(AuthService, { strict: false });
  const lifecycle = app.get(CommentLifecycle, { strict: false });
  const reactions = app.get(CommentReactionsService, { strict: false });
  const readers = new Map<string, Principal>();
  const reader = async (name: string): Promise<Principal> => {
    const known = readers.get(name);
    if (known) return known;
    const session = await auth.logIn(site, { provider: 'dev', subject: `${accounts}:${name.toLowerCase()}`, displayName: name });
    const authenticated = await auth.authenticate(session.accessToken);
    if (!authenticated) throw new Error('a sample reader could not be logged in');
    const principal: Principal = { ...authenticated, site, home: site };
    readers.set(name, principal);
    return principal;
  };
  try {
    for (const sample of conversation) {
      const posted = await lifecycle.post(await reader(sample.author), articleId, { body: sample.body, parentId: null }, undefined);
      for (const reply of sample.replies ?? []) {
        await lifecycle.post(await reader(reply.author), articleId, { body: reply.body, parentId: posted.body.comment.id }, undefined);
      }
      for (const fan of sample.likedBy ?? []) await reactions.setLike(await reader(fan), posted.body.comment.id, true);
    }
  } finally {
    for (const principal of readers.values()) await auth.logOut(principal);
  }
}
