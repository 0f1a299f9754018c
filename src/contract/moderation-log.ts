/** One line of the moderation log: a decision, ban, unban, rule change or role change. */
export interface LogEntryView {
  at: string;
  /** `automation`: the site's automation actor, for what the service did by itself (an automatic close). */
  actor: { id: string; displayName: string; kind: 'person' | 'automation' };
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
