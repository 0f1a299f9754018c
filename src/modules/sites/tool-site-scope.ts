import type { PrismaClient } from '@/generated/prisma/client.js';
import { mintSiteScope, type SiteScope } from './site-scope.js';

/** For command-line tools, which run without the registry: the scope of a site the database has, or null. */
export async function toolSiteScope(prisma: PrismaClient, siteId: string): Promise<SiteScope | null> {
  const site = await prisma.site.findUnique({ where: { id: siteId }, select: { id: true } });
  return site ? mintSiteScope(site.id) : null;
}
