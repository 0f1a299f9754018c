import { NotFoundError } from '@/common/errors/app-error.js';
import type { Prisma } from '@/generated/prisma/client.js';
import { appendLogEntries } from '@/modules/audit/audit-log.repository.js';
import type { Role, UserRecord } from '@/modules/auth/auth.types.js';
import type { AuthorTrust } from '@/modules/policy/engine/engine.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

/** The actor of changes no person made through the API (the admin command, ADMIN_SUBJECTS): the nil UUID, as for the automatic moderation. */
export const SERVICE_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

export interface RoleChange {
  actorId: string;
  reason: string;
  /** Added to the log entry's details: where the change came from. */
  details?: Record<string, unknown>;
}

/**
 * Changes a user's role inside `tx` with its `role_change` entry in the moderation log: every role
 * change goes through here (the role route, the admin command, ADMIN_SUBJECTS, a grant applied at
 * first login). The role the user had is read under the row lock, so the entry says what the change
 * replaced; the same role again changes and logs nothing. A trigger on `users` tells every instance to
 * forget the user's cached sessions.
 */
export async function changeRole(
  tx: Prisma.TransactionClient,
  scope: SiteScope,
  userId: string,
  role: Role,
  change: RoleChange,
): Promise<UserRecord & { trust: AuthorTrust }> {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${userId}::uuid AND site_id = ${scope.siteId} FOR UPDATE`;
  if (!locked) throw new NotFoundError('The user');
  const before = await tx.user.findUniqueOrThrow({ where: { id: userId } });
  if (before.role === role) return before;
  const user = await tx.user.update({ where: { id: userId }, data: { role } });
  await appendLogEntries(tx, scope, [
    {
      actorId: change.actorId,
      action: 'role_change',
      targetUserId: userId,
      reason: change.reason,
      details: { from: before.role, to: role, ...change.details },
    },
  ]);
  return user;
}
