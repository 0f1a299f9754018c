import { Injectable } from '@nestjs/common';
import type { LogEntryView, LogPage } from '@/contract/moderation-log.js';
import { AuthService } from '@/modules/auth/auth.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { AuditLogRepository, type LogEntryRecord, type LogFilter } from './audit-log.repository.js';

/** The log's entries about a user's standing: who may write, moderate, and whose comments are reviewed. */
export const STANDING_ACTIONS = ['ban', 'suspend', 'unban', 'role_change', 'trust_change'] as const;

/**
 * The moderation log, read: every decision, deletion, edit, requeue, ban, unban, role, trust and rule
 * change. Entries are written by the transaction of the change they record (`appendLogEntries`).
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly log: AuditLogRepository,
    private readonly auth: AuthService,
  ) {}

  async list(scope: SiteScope, query: LogFilter & { limit: number; cursor?: string | undefined }): Promise<LogPage> {
    const rows = await this.log.list(scope, query, query.limit, query.cursor ? BigInt(query.cursor) : undefined);
    const page = rows.slice(0, query.limit);
    return { entries: await this.views(scope, page), nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null };
  }

  /** A user's bans, suspensions, unbans, role and trust changes, newest first (the latest 200). */
  async standingHistory(scope: SiteScope, userId: string): Promise<LogEntryView[]> {
    return this.views(scope, await this.log.standingOf(scope, userId, STANDING_ACTIONS, 200));
  }

  private async views(scope: SiteScope, rows: LogEntryRecord[]): Promise<LogEntryView[]> {
    const actors = await this.auth.usersById(
      scope,
      rows.map((row) => row.actorId),
    );
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actor: { id: row.actorId, displayName: actors.get(row.actorId)?.displayName ?? '' },
      action: row.action,
      commentId: row.commentId,
      targetUserId: row.targetUserId,
      reason: row.reason,
      details: row.details,
    }));
  }
}
