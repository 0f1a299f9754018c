import type { Prisma } from '@/generated/prisma/client.js';
import type { SiteScope } from './site-scope.js';

/** The provider of a site's automation actor: no login provider has this id, and it has no identity. */
export const AUTOMATION_PROVIDER = 'automation';
export const AUTOMATION_ACTOR_NAME = 'Comment Desk automation';
/** The provider of each site's "Deleted account" stand-in (created with the site, in SitesRepository). */
export const DELETED_ACCOUNT_PROVIDER = 'deleted';
/**
 * The accounts the service keeps for itself on every site. No one logs in as them, and they are not
 * people: the staff's lists leave them out, and no role, ban or trust of theirs can be changed.
 */
export const SERVICE_ACCOUNT_PROVIDERS: string[] = [AUTOMATION_PROVIDER, DELETED_ACCOUNT_PROVIDER];

/**
 * The id of the site's automation actor, the user the moderation log names for what the service did
 * by itself. Every site gets one when it is created (and the sites before by a migration); one is made
 * here, in `db`'s transaction, should a site still lack it.
 */
export async function automationActorId(db: Prisma.TransactionClient, scope: SiteScope): Promise<string> {
  await db.$executeRaw`
    INSERT INTO users (id, site_id, display_name, provider, role)
    VALUES (uuidv7(), ${scope.siteId}, ${AUTOMATION_ACTOR_NAME}, ${AUTOMATION_PROVIDER}, 'reader')
    ON CONFLICT (site_id) WHERE provider = 'automation' DO NOTHING`;
  const [row] = await db.$queryRaw<{ id: string }[]>`SELECT id::text FROM users WHERE site_id = ${scope.siteId} AND provider = ${AUTOMATION_PROVIDER}`;
  return row!.id;
}
