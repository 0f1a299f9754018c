import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AppError, NotFoundError, ValidationFailedError } from '@/common/errors/app-error.js';
import { decodeOpaqueCursor, encodeOpaqueCursor } from '@/common/pagination/opaque-cursor.js';
import type { QueueCounts, QueueItem, QueueReason } from '@/contract/moderation-queue.js';
import { toCommentView } from '../comment-view.js';
import type { CommentView } from '../comments.dto.js';
import { CommentsRepository } from '../comments.repository.js';
import { CommentChangeFeed } from '../public-pages/comment-change-feed.js';
import {
  CommentModerationRepository,
  type DecisionAction,
  type ModerationQueue,
  type QueueQuery,
  type QueueRow,
} from './comment-moderation.repository.js';

/** A queue item before the moderation module adds who is looking at it. */
export type UnclaimedQueueItem = Omit<QueueItem, 'claim'>;

export interface UnclaimedQueuePage {
  items: UnclaimedQueueItem[];
  nextCursor: string | null;
}

export interface Decision {
  comment: CommentView;
  /** False when the comment already stood as decided: nothing was recorded. */
  recorded: boolean;
}

/** What moderators do to comments; exported for the moderation module. */
@Injectable()
export class CommentModerationService {
  constructor(
    private readonly moderation: CommentModerationRepository,
    private readonly comments: CommentsRepository,
    private readonly changes: CommentChangeFeed,
  ) {}

  async queue(query: Omit<QueueQuery, 'after'> & { cursor?: string | undefined }): Promise<UnclaimedQueuePage> {
    const rows = await this.moderation.queue({ ...query, after: query.cursor ? decodeQueueCursor(query.cursor, query.queue) : undefined });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toQueueItem),
      nextCursor: rows.length > query.limit && last ? encodeQueueCursor(query.queue, last) : null,
    };
  }

  counts(): Promise<QueueCounts> {
    return this.moderation.counts();
  }

  async decide(commentId: string, action: DecisionAction, actorId: string, reason: string, override: boolean): Promise<Decision> {
    const result = await this.moderation.decide(commentId, action, actorId, reason, override);
    if (result.outcome === 'missing') throw new NotFoundError('The comment');
    if (result.outcome === 'conflict') {
      throw new AppError('ALREADY_DECIDED', `Another moderator already decided this comment (it is now ${result.status}).`, { status: result.status });
    }
    const comment = await this.comments.findById(commentId);
    if (result.outcome === 'applied') this.changes.committedHere({ actorId, articleId: comment!.articleId, public: true });
    return { comment: toCommentView(comment!), recorded: result.outcome === 'applied' };
  }

  /** NOT_FOUND unless the comment exists and is not deleted. */
  async requireDecidable(commentId: string): Promise<void> {
    const comment = await this.comments.findById(commentId);
    if (!comment || comment.status === 'deleted') throw new NotFoundError('The comment');
  }

  rejectPendingOf(authorId: string, actorId: string, reason: string): Promise<string[]> {
    return this.moderation.rejectPendingOf(authorId, actorId, reason);
  }
}

function toQueueItem(row: QueueRow): UnclaimedQueueItem {
  const verdict = row.verdict as { reasons?: QueueReason[] } | null;
  return {
    comment: toCommentView(row),
    article: { id: row.articleId, title: row.articleTitle, section: row.articleSection },
    reasons: verdict?.reasons ?? [],
    reportCount: row.openReports,
    reports: row.reports.map((report) => ({ reason: report.reason, note: report.note, createdAt: report.createdAt.toISOString() })),
    author: {
      id: row.authorId,
      displayName: row.authorName,
      since: row.authorSince.toISOString(),
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
  };
}

const queueCursorSchema = z.strictObject({ q: z.enum(['pending', 'reported', 'rejected', 'approved']), c: z.iso.datetime(), i: z.uuid() });

function encodeQueueCursor(queue: ModerationQueue, row: { createdAt: Date; id: string }): string {
  return encodeOpaqueCursor({ q: queue, c: row.createdAt.toISOString(), i: row.id });
}

function decodeQueueCursor(value: string, queue: ModerationQueue): { createdAt: Date; id: string } {
  const parsed = decodeOpaqueCursor(value, queueCursorSchema);
  if (parsed.q !== queue) throw new ValidationFailedError(`cursor: it belongs to the ${parsed.q} queue, not ${queue}`);
  return { createdAt: new Date(parsed.c), id: parsed.i };
}
