import type { SessionView } from '@/contract/auth.js';
import type { Role, UserStatus, UserView } from '@/contract/users.js';

export { ROLES } from '@/contract/users.js';
export type { Role, UserStatus, UserView };
export type { SessionView as IssuedSession };

export interface UserRecord {
  id: string;
  displayName: string;
  provider: string;
  role: Role;
  bannedAt: Date | null;
  bannedUntil: Date | null;
  createdAt: Date;
}

/** The caller behind a valid bearer token. */
export interface Principal {
  user: UserRecord;
  sessionId: string;
}

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
