import type { LogEntryView } from './moderation-log.js';

/** The roles a site grants its own users. */
export const ROLES = ['reader', 'moderator', 'admin'] as const;
export type SiteRole = (typeof ROLES)[number];
/** A site's roles, and the deployment's operator, who manages the sites and acts as an admin on each. */
export type Role = SiteRole | 'operator';

export type UserStatus = 'active' | 'suspended' | 'banned';

/** The contract's `User`; also the answer to a ban, a lifted ban and a role change. */
export interface UserView {
  id: string;
  displayName: string;
  provider: string;
  role: Role;
  status: UserStatus;
  suspendedUntil: string | null;
}

/**
 * How far the Standards Board policy trusts an author: `new` until enough of their comments were
 * approved, then `regular`; `trusted` (no new-account review) and `watched` (every comment held) are
 * a moderator's word.
 */
export const AUTHOR_TRUST = ['new', 'regular', 'trusted', 'watched'] as const;
export type AuthorTrust = (typeof AUTHOR_TRUST)[number];

/** The answer to a change of an author's trust. */
export interface TrustView {
  userId: string;
  trust: AuthorTrust;
}

/** A user as the staff's people list shows them. */
export interface UserAdminView {
  id: string;
  displayName: string;
  role: Role;
  trust: AuthorTrust;
  status: UserStatus;
  bannedAt: string | null;
  /** The end of a suspension; null for a permanent ban (with `bannedAt` set) or no ban. */
  bannedUntil: string | null;
  createdAt: string;
  identities: { provider: string; subject: string }[];
  /** The user's comments in any state but deleted. */
  commentCount: number;
}

export interface UserAdminPage {
  items: UserAdminView[];
  nextCursor: string | null;
}

/** One user's record: the list's view and the standing entries of the moderation log, newest first. */
export interface UserAdminDetail extends UserAdminView {
  history: LogEntryView[];
}
