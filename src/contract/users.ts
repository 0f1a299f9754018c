export const ROLES = ['reader', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

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
