import { Injectable } from '@nestjs/common';
import { PrismaService } from '@/database/prisma.service.js';
import type { Prisma } from '@/generated/prisma/client.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';

export interface NewLogEntry {
  actorId: string;
  action: string;
  commentId?: string | undefined;
  targetUserId?: string | undefined;
  reason?: string | undefined;
  details?: Record<string, unknown> | undefined;
}

export interface LogEntryRecord {
  id: bigint;
  at: Date;
  actorId: string;
  action: string;
  commentId: string | null;
  targetUserId: string | null;
  reason: string | null;
  details: unknown;
}

/**
 * Appends entries of the site's log through `db`: the transaction that made the change they record,
 * so an entry exists exactly when its change does.
 */
export async function appendLogEntries(db: Prisma.TransactionClient, scope: SiteScope, entries: NewLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.moderationLogEntry.createMany({
    data: entries.map((entry) => ({
      siteId: scope.siteId,
      actorId: entry.actorId,
      action: entry.action,
      commentId: entry.commentId ?? null,
      targetUserId: entry.targetUserId ?? null,
      reason: entry.reason || null,
      details: (entry.details ?? {}) as Prisma.InputJsonObject,
    })),
  });
}

/** Append-only by construction: nothing here updates or deletes, and entries are appended by `appendLogEntries`. */
@Injectable()
export class AuditLogRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Oldest first, after the id `afterId`. */
  list(scope: SiteScope, filter: { commentId?: string | undefined; userId?: string | undefined }, limit: number, afterId?: bigint): Promise<LogEntryRecord[]> {
    return this.prisma.moderationLogEntry.findMany({
      omit: { siteId: true },
      where: {
        siteId: scope.siteId,
        ...(filter.commentId ? { commentId: filter.commentId } : {}),
        ...(filter.userId ? { OR: [{ targetUserId: filter.userId }, { actorId: filter.userId }] } : {}),
        ...(afterId !== undefined ? { id: { gt: afterId } } : {}),
      },
      orderBy: { id: 'asc' },
      take: limit + 1,
    });
  }
}
