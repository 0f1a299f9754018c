import type { SessionView } from '@/contract/auth.js';

const KEY = 'comment-desk:session';

/**
 * The reader's login, kept in the frame's own localStorage so it survives a reload. The frame is the
 * service's origin, and browsers partition an embedded frame's storage by the top-level site: what
 * the frame keeps on one publisher's pages is unknown to the same frame on another's, and the host
 * page cannot read it at all. When storage is refused (a browser setting), the login lives in memory
 * for the page view, as before.
 */
export interface KeptSession {
  /** The kept login, or null (none, unreadable, or expired). */
  read(): StoredSession | null;
  /** Keeps a login just issued (or forgets it: null). */
  write(session: SessionView | null): StoredSession | null;
  /** Another frame of the same partition (another tab on the site) changed it: a login, a renewal, a logout. */
  subscribe(onChange: (session: StoredSession | null) => void): () => void;
}

/** A login and when this browser got it, from which its renewal is timed. */
export type StoredSession = SessionView & { keptAt: number };

export function keptSession(storage: Storage | null = localStorageOrNull()): KeptSession {
  return {
    read: () => (storage ? parseSession(safely(() => storage.getItem(KEY))) : null),
    write: (session) => {
      const stored = session ? { ...session, keptAt: Date.now() } : null;
      if (storage) safely(() => (stored ? storage.setItem(KEY, JSON.stringify(stored)) : storage.removeItem(KEY)));
      return stored;
    },
    subscribe: (onChange) => {
      const onStorage = (event: StorageEvent): void => {
        if (event.storageArea === storage && (event.key === KEY || event.key === null)) onChange(parseSession(event.newValue));
      };
      window.addEventListener('storage', onStorage);
      return () => window.removeEventListener('storage', onStorage);
    },
  };
}

/** When to renew a login: halfway through its life as this browser got it, and at once past that. */
export function renewalDelayMs(session: StoredSession, now: number): number {
  const expiresAt = Date.parse(session.expiresAt);
  return Math.max(0, session.keptAt + (expiresAt - session.keptAt) / 2 - now);
}

function parseSession(text: string | null | undefined): StoredSession | null {
  if (!text) return null;
  try {
    const session = JSON.parse(text) as StoredSession;
    if (typeof session.accessToken !== 'string' || typeof session.keptAt !== 'number' || !session.user) return null;
    if (!(Date.parse(session.expiresAt) > Date.now())) return null;
    return session;
  } catch {
    return null;
  }
}

function localStorageOrNull(): Storage | null {
  // Reading the property itself throws where the browser blocks storage for the frame.
  return safely(() => window.localStorage) ?? null;
}

function safely<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}
