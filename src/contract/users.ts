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
