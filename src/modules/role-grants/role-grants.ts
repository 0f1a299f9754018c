import type { Prisma, PrismaClient } from '@/generated/prisma/client.js';
import type { SiteRole } from '@/modules/auth/auth.types.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { IdentityRef } from './identity-ref.js';
import { automationActorId } from '@/modules/sites/automation-actor.repository.js';
import { changeRole } from './role-change.js';

export type GrantOutcome =
  { kind: 'changed' | 'unchanged'; userId: string; role: SiteRole } | { kind: 'pending'; role: SiteRole } | { kind: 'operator'; userId: string };

/**
 * Gives the identity `role` on the site: at once when it has logged in (a logged role change), else
 * from its first login (kept in `role_grants`). `reader` takes a grant back. An operator's role is the
 * deployment's and is left alone.
 */
export async function grantRole(prisma: PrismaClient, scope: SiteScope, identity: IdentityRef, role: SiteRole, source: string): Promise<GrantOutcome> {
  const { provider, subject } = identity;
  const key = { siteId_provider_subject: { siteId: scope.siteId, provider, subject } };
  return prisma.$transaction(async (tx) => {
    const known = await tx.identity.findUnique({ where: key, include: { user: { select: { role: true } } } });
    if (!known) {
      if (role === 'reader') await tx.roleGrant.deleteMany({ where: { siteId: scope.siteId, provider, subject } });
      else
        await tx.roleGrant.upsert({ where: key, create: { siteId: scope.siteId, provider, subject, role, reason: source }, update: { role, reason: source } });
      return { kind: 'pending', role };
    }
    await tx.roleGrant.deleteMany({ where: { siteId: scope.siteId, provider, subject } });
    if (known.user.role === 'operator') return { kind: 'operator', userId: known.userId };
    const before = known.user.role;
    await changeRole(tx, scope, known.userId, role, {
      actorId: await automationActorId(tx, scope),
      reason: source,
      details: { source, identity: `${provider}:${subject}` },
    });
    return { kind: before === role ? 'unchanged' : 'changed', userId: known.userId, role };
  });
}

/**
 * Inside the login that first brings `identity` to `userId`: the role granted to it before, if any,
 * is applied (logged, as every role change) and the grant is spent.
 */
export async function applyGrantAtFirstLogin(tx: Prisma.TransactionClient, scope: SiteScope, identity: IdentityRef, userId: string): Promise<void> {
  const [grant] = await tx.$queryRaw<{ role: SiteRole; reason: string }[]>`
    DELETE FROM role_grants WHERE site_id = ${scope.siteId} AND provider = ${identity.provider} AND subject = ${identity.subject}
    RETURNING role::text AS role, reason`;
  if (!grant) return;
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  if (user.role === 'operator') return;
  await changeRole(tx, scope, userId, grant.role, {
    actorId: await automationActorId(tx, scope),
    reason: grant.reason,
    details: { source: 'grant_at_first_login', identity: `${identity.provider}:${identity.subject}` },
  });
}
