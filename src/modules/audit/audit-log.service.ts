import { Injectable } from '@nestjs/common';
import type { LogPage } from '@/contract/moderation-log.js';
import { AuthService } from '@/modules/auth/auth.service.js';
import type { UserRecord } from '@/modules/auth/auth.types.js';
import { AUTOMATION_PROVIDER } from '@/modules/sites/automation-actor.repository.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { AuditLogRepository } from './audit-log.repository.js';

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

  async list(
    scope: SiteScope,
    query: { commentId?: string | undefined; userId?: string | undefined; limit: number; cursor?: string | undefined },
  ): Promise<LogPage> {
    const rows = await this.log.list(scope, query, query.limit, query.cursor ? BigInt(query.cursor) : undefined);
    const page = rows.slice(0, query.limit);
    const actors = await this.auth.usersById(
      scope,
      page.map((row) => row.actorId),
    );
    return {
      entries: page.map((row) => ({
        at: row.at.toISOString(),
        actor: actorView(row.actorId, actors.get(row.actorId)),
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

function actorView(id: string, user: UserRecord | undefined): LogPage['entries'][number]['actor'] {
  return { id, displayName: user?.displayName ?? '', kind: user?.provider === AUTOMATION_PROVIDER ? 'automation' : 'person' };
}
