import { Injectable } from '@nestjs/common';
import type { Prisma } from '@/generated/prisma/client.js';
import { isEmptyOverrides, type PolicyOverrides, readOverrides } from './layers/policy-overrides.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import { appendLogEntries, type NewLogEntry } from '@/modules/audit/audit-log.repository.js';

export const POLICY_CHANGED = 'policy_changed';
/** The notice's tail when a site's section change sets changed (else it is the new version). */
export const SECTIONS_CHANGED = 'sections';

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

  /** The site's section change sets, by section. */
  async sections(scope: SiteScope): Promise<Map<string, PolicyOverrides>> {
    const rows = await this.prisma.sectionPolicy.findMany({ where: { siteId: scope.siteId } });
    return new Map(rows.map((row) => [row.section, readOverrides(row.overrides)]));
  }

  /**
   * Replaces a section's change set (an empty one removes it), with its audit entry, and tells every
   * instance (`site:sections`) once committed.
   */
  async saveSection(scope: SiteScope, section: string, overrides: PolicyOverrides, logEntry: NewLogEntry): Promise<void> {
    const { siteId } = scope;
    await this.prisma.$transaction(async (tx) => {
      if (isEmptyOverrides(overrides)) {
        await tx.sectionPolicy.deleteMany({ where: { siteId, section } });
      } else {
        const data = { overrides: overrides as Prisma.InputJsonObject, updatedById: logEntry.actorId };
        await tx.sectionPolicy.upsert({ where: { siteId_section: { siteId, section } }, create: { siteId, section, ...data }, update: data });
      }
      await appendLogEntries(tx, scope, [logEntry]);
      await tx.$executeRaw`SELECT pg_notify(${POLICY_CHANGED}, ${`${siteId}:${SECTIONS_CHANGED}`})`;
    });
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
