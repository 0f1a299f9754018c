import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';

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
   * Stores `version` unless it exists (another edit won) and tells every instance, in the same
   * transaction, so the notice only goes out once the row is there. Returns false on a lost race.
   */
  async insert(version: number, definition: object, createdById: string | null): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO policy_versions (version, definition, created_by_id)
        VALUES (${version}, ${JSON.stringify(definition)}::jsonb, ${createdById}::uuid)
        ON CONFLICT (version) DO NOTHING`;
      if (inserted === 1) await tx.$executeRaw`SELECT pg_notify(${POLICY_CHANGED}, ${String(version)})`;
      return inserted === 1;
    });
  }
}

