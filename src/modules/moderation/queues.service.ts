import { Injectable } from '@nestjs/common';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import { z } from 'zod';
import { NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import { cursorTimeSchema, decodeOpaqueCursor, encodeOpaqueCursor } from '@/common/pagination/opaque-cursor.js';
import type { QueueCounts, QueueItem } from '@/contract/moderation-queue.js';
import { toCommentView } from '@/modules/comments/comment-view.js';
import { CommentsRepository } from '@/modules/comments/comments.repository.js';
import { type ModerationQueue, type QueueQuery, QueuesRepository, type QueueRow } from './queues.repository.js';

/** A queue item before the moderation module adds who is looking at it. */
export type UnclaimedQueueItem = Omit<QueueItem, 'claim'>;

export interface UnclaimedQueuePage {
  items: UnclaimedQueueItem[];
  nextCursor: string | null;
}

/** The queues moderators work: pages of them, with what a decision needs, and their sizes. */
@Injectable()
export class QueuesService {
  constructor(
    private readonly moderation: QueuesRepository,
    private readonly comments: CommentsRepository,
  ) {}

  async queue(scope: SiteScope, query: Omit<QueueQuery, 'after'> & { cursor?: string | undefined }): Promise<UnclaimedQueuePage> {
    const rows = await this.moderation.queue(scope, { ...query, after: query.cursor ? decodeQueueCursor(query.cursor, query.queue) : undefined });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toQueueItem),
      nextCursor: rows.length > query.limit && last ? encodeQueueCursor(query.queue, last) : null,
    };
  }

  counts(scope: SiteScope): Promise<QueueCounts> {
    return this.moderation.counts(scope);
  }

  /** NOT_FOUND unless the comment exists on the site and is not deleted. */
  async requireDecidable(scope: SiteScope, commentId: string): Promise<void> {
    const comment = await this.comments.findById(scope, commentId);
    if (!comment || comment.status === 'deleted') throw new NotFoundError('The comment');
  }
}

function toQueueItem(row: QueueRow): UnclaimedQueueItem {
  return {
    comment: toCommentView(row),
    article: { id: row.articleId, title: row.articleTitle, section: row.articleSection },
    reasons: row.verdict.reasons,
    reportCount: row.openReports,
    reports: row.reports.map((report) => ({ reason: report.reason, note: report.note, createdAt: report.createdAt.toISOString() })),
    author: {
      id: row.authorId,
      displayName: row.authorName,
      since: row.authorSince.toISOString(),
      trust: row.authorTrust,
      approvedCount: row.authorApproved,
      rejectedCount: row.authorRejected,
    },
    decision: row.decidedAt ? { at: row.decidedAt.toISOString(), reason: row.decisionReason } : null,
    thread: {
      parent:
        row.parentId && row.parent
          ? {
              id: row.parentId,
              author: { displayName: row.parent.authorName },
              body: row.parent.status === 'deleted' ? '' : row.parent.body,
              status: row.parent.status,
            }
          : null,
    },
    revisions: row.revisions.map((revision) => ({
      body: revision.body,
      writtenAt: revision.writtenAt.toISOString(),
      replacedAt: revision.replacedAt.toISOString(),
    })),
  };
}

const queueCursorSchema = z.strictObject({ q: z.enum(['pending', 'reported', 'rejected', 'approved']), c: cursorTimeSchema, i: z.uuid() });

function encodeQueueCursor(queue: ModerationQueue, row: { createdAt: Date; id: string }): string {
  return encodeOpaqueCursor({ q: queue, c: row.createdAt.toISOString(), i: row.id });
}

function decodeQueueCursor(value: string, queue: ModerationQueue): { createdAt: Date; id: string } {
  const parsed = decodeOpaqueCursor(value, queueCursorSchema);
  if (parsed.q !== queue) throw new ValidationFailedError(`cursor: it belongs to the ${parsed.q} queue, not ${queue}`);
  return { createdAt: parsed.c, id: parsed.i };
}
