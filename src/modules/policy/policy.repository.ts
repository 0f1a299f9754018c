import { Injectable } from '@nestjs/common';
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

  latest(): Promise<StoredPolicy | null> {
    return this.prisma.policyVersion.findFirst({ orderBy: { version: 'desc' } });
  }

  /**
   * Stores `version` unless it exists (another edit won), with its audit entry (none for the
   * seeded default), and tells every
   * instance, in the same transaction, so the notice only goes out once the row is there. Returns
   * false on a lost race.
   */
  async insert(version: number, definition: object, logEntry: NewLogEntry | null): Promise<boolean> {
    const createdById = logEntry?.actorId ?? null;
    return this.prisma.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO policy_versions (version, definition, created_by_id)
        VALUES (${version}, ${JSON.stringify(definition)}::jsonb, ${createdById}::uuid)
        ON CONFLICT (version) DO NOTHING`;
      if (inserted !== 1) return false;
      if (logEntry) await appendLogEntries(tx, [logEntry]);
      await tx.$executeRaw`SELECT pg_notify(${POLICY_CHANGED}, ${String(version)})`;
      return true;
    });
  }
}
