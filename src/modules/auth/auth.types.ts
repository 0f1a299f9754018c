import type { SessionView } from '@/contract/auth.js';
import type { Role, SiteRole, UserStatus, UserView } from '@/contract/users.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

export { ROLES } from '@/contract/users.js';
export type { Role, SiteRole, UserStatus, UserView };
export type { SessionView as IssuedSession };

export interface UserRecord {
  id: string;
  /** The site the account belongs to. */
  siteId: string;
  displayName: string;
  provider: string;
  role: Role;
  bannedAt: Date | null;
  bannedUntil: Date | null;
  createdAt: Date;
}

/** The caller behind a valid bearer token, on the site of the request. */
export interface Principal {
  user: UserRecord;
  sessionId: string;
  /** The request's site: the user's own, or any site for an operator. */
  site: SiteScope;
  /** The user's own site (the request's, but for an operator acting on another). */
  home: SiteScope;
}

/** A session as stored and cached, before a request gives it its site. */
export type SessionPrincipal = Omit<Principal, 'site' | 'home'>;

export function userStatus(user: Pick<UserRecord, 'bannedAt' | 'bannedUntil'>, now = new Date()): UserStatus {
  if (!user.bannedAt) return 'active';
  if (!user.bannedUntil) return 'banned';
  return user.bannedUntil > now ? 'suspended' : 'active';
}

export function toUserView(user: UserRecord, now = new Date()): UserView {
  const status = userStatus(user, now);
  return {
    id: user.id,
    displayName: user.displayName,
    provider: user.provider,
    role: user.role,
    status,
    suspendedUntil: status === 'suspended' ? user.bannedUntil!.toISOString() : null,
  };
}

export interface IdentityProfile {
  provider: string;
  subject: string;
  displayName: string;
  email?: string | undefined;
  /** The provider vouches that the address belongs to this person: only then may it link accounts. */
  emailVerified?: boolean;
  /** Set only when the provider is trusted to assign roles. */
  role?: Role | undefined;
}

/** One (provider, subject) a user logs in with. */
export interface IdentityRecord {
  provider: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}
