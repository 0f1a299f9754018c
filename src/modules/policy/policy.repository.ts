import { Injectable } from '@nestjs/common';
import { Prisma } from '@/generated/prisma/client.js';
import { isEmptyOverrides, type PolicyOverrides, readOverrides } from './layers/policy-overrides.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { PrismaService } from '@/database/prisma.service.js';
import { appendLogEntries, type NewLogEntry } from '@/modules/audit/audit-log.repository.js';

export const POLICY_CHANGED = 'policy_changed';
/** The notice's tail when a site's section change sets changed (else it is the new version). */
export const SECTIONS_CHANGED = 'sections';

/** A version as the history lists it: who stored it, when, and the reason given (from the log). */
export interface PolicyVersionRecord {
  version: number;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  reason: string | null;
}

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

  /** The site's versions below `beforeVersion`, newest first; `limit + 1` tells whether there are more. */
  versions(scope: SiteScope, limit: number, beforeVersion: number | undefined): Promise<PolicyVersionRecord[]> {
    return this.prisma.$queryRaw<PolicyVersionRecord[]>`
      SELECT v.version, v.created_at AS "createdAt", v.created_by_id::text AS "createdById", u.display_name AS "createdByName",
        ${reasonOf(scope)} AS reason
      FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by_id
      WHERE v.site_id = ${scope.siteId} ${beforeVersion === undefined ? Prisma.empty : Prisma.sql`AND v.version < ${beforeVersion}`}
      ORDER BY v.version DESC
      LIMIT ${limit + 1}`;
  }

  /** One stored version with its definition, or null. */
  async version(scope: SiteScope, version: number): Promise<(PolicyVersionRecord & { definition: unknown }) | null> {
    const [row] = await this.prisma.$queryRaw<(PolicyVersionRecord & { definition: unknown })[]>`
      SELECT v.version, v.created_at AS "createdAt", v.created_by_id::text AS "createdById", u.display_name AS "createdByName",
        ${reasonOf(scope)} AS reason, v.definition
      FROM policy_versions v LEFT JOIN users u ON u.id = v.created_by_id
      WHERE v.site_id = ${scope.siteId} AND v.version = ${version}`;
    return row ?? null;
  }

  /** The site's newest version below `version`, if any. */
  async versionBefore(scope: SiteScope, version: number): Promise<number | null> {
    const row = await this.prisma.policyVersion.findFirst({
      where: { siteId: scope.siteId, version: { lt: version } },
      orderBy: { version: 'desc' },
      select: { version: true },
    });
    return row?.version ?? null;
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

/** The reason the log gives for the version `v` (its rule change or rollback entry). */
function reasonOf(scope: SiteScope): Prisma.Sql {
  return Prisma.sql`(SELECT l.reason FROM moderation_log l
    WHERE l.site_id = ${scope.siteId} AND l.action IN ('rule_change', 'rule_rollback') AND l.details->>'toVersion' = v.version::text
    ORDER BY l.id DESC LIMIT 1)`;
}
