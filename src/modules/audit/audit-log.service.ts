import { Injectable } from '@nestjs/common';
import type { LogPage } from '@/contract/moderation-log.js';
import { AuthService } from '@/modules/auth/auth.service.js';
import { AuditLogRepository, type NewLogEntry } from './audit-log.repository.js';

/** The moderation log: every decision, ban, unban, rule change and role change. */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly log: AuditLogRepository,
    private readonly auth: AuthService,
  ) {}

  record(...entries: NewLogEntry[]): Promise<void> {
    return this.log.append(entries);
  }

  async list(query: { commentId?: string | undefined; userId?: string | undefined; limit: number; cursor?: string | undefined }): Promise<LogPage> {
    const rows = await this.log.list(query, query.limit, query.cursor ? BigInt(query.cursor) : undefined);
    const page = rows.slice(0, query.limit);
    const actors = await this.auth.usersById(page.map((row) => row.actorId));
    return {
      entries: page.map((row) => ({
        at: row.at.toISOString(),
        actor: { id: row.actorId, displayName: actors.get(row.actorId)?.displayName ?? '' },
        action: row.action,
        commentId: row.commentId,
        targetUserId: row.targetUserId,
        reason: row.reason,
        details: row.details,
      })),
      nextCursor: rows.length > query.limit ? String(page.at(-1)!.id) : null,
    };
  }
}
