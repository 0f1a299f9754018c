import type { KeptSessionView, SessionView } from '@/contract/auth.js';

/** A login and when it was issued, from which its renewal is timed. */
export type StoredSession = SessionView & { keptAt: number };

export function fromKeptSession(kept: KeptSessionView): StoredSession {
  const { issuedAt, ...session } = kept;
  return { ...session, keptAt: Date.parse(issuedAt) || Date.now() };
}

/** When to renew a login: halfway through its life, and at once past that. */
export function renewalDelayMs(session: StoredSession, now: number): number {
  const expiresAt = Date.parse(session.expiresAt);
  return Math.max(0, session.keptAt + (expiresAt - session.keptAt) / 2 - now);
}

type LoginNews = { type: 'session'; session: StoredSession } | { type: 'ended' };

/**
 * Tells the widget's other frames of the same site (other tabs, other articles) of a login, a
 * renewal or a logout, so all of them show the same. A BroadcastChannel reaches only frames of the
 * service's own origin under the same top-level site: the publisher's page hears nothing.
 */
export interface LoginChannel {
  tell(news: LoginNews): void;
  listen(onNews: (news: LoginNews) => void): () => void;
}

export function loginChannel(): LoginChannel {
  let channel: BroadcastChannel | null = null;
  try {
    channel = new BroadcastChannel('comment-desk:login');
  } catch {
    // Without it each frame finds out at its next call to the service.
  }
  return {
    tell: (news) => channel?.postMessage(news),
    listen: (onNews) => {
      if (!channel) return () => {};
      const onMessage = (event: MessageEvent<LoginNews>): void => onNews(event.data);
      channel.addEventListener('message', onMessage);
      return () => channel?.removeEventListener('message', onMessage);
    },
  };
}
