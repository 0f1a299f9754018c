/** One line of the moderation log: a decision, ban, unban, rule change or role change. */
export interface LogEntryView {
  at: string;
  actor: { id: string; displayName: string };
  action: string;
  commentId: string | null;
  targetUserId: string | null;
  reason: string | null;
  details: unknown;
}

export interface LogPage {
  entries: LogEntryView[];
  nextCursor: string | null;
}
