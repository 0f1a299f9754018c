import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import { appendLogEntries, type NewLogEntry } from '@/modules/audit/audit-log.repository.js';

export const POLICY_CHANGED = 'policy_changed';

export interface StoredPolicy {
  version: number;
  definition: unknown;
  createdAt: Date;
  createdById: string | null;
}

@Injectable()
export class PolicyRepository {
  constructor(private readonly prisma: PrismaService) {}

  latest(scope: SiteScope): Promise<StoredPolicy | null> {
    return this.prisma.policyVersion.findFirst({ where: { siteId: scope.siteId }, orderBy: { version: 'desc' }, omit: { siteId: true } });
  }

  /**
   * Stores the site's `version` unless it exists (another edit won), with its audit entry (none for
   * the seeded default), and tells every instance (`site:version`), in the same transaction, so the
   * notice only goes out once the row is there. Returns false on a lost race.
   */
  async insert(scope: SiteScope, version: number, definition: object, logEntry: NewLogEntry | null): Promise<boolean> {
    const createdById = logEntry?.actorId ?? null;
    return this.prisma.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO policy_versions (site_id, version, definition, created_by_id)
        VALUES (${scope.siteId}, ${version}, ${JSON.stringify(definition)}::jsonb, ${createdById}::uuid)
        ON CONFLICT (site_id, version) DO NOTHING`;
      if (inserted !== 1) return false;
      if (logEntry) await appendLogEntries(tx, scope, [logEntry]);
      await tx.$executeRaw`SELECT pg_notify(${POLICY_CHANGED}, ${`${scope.siteId}:${version}`})`;
      return true;
    });
  }
}
