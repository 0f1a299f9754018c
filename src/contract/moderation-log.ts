/** Every action the moderation log records. */
export const LOG_ACTIONS = [
  'approve',
  'reject',
  'delete',
  'edit',
  'requeue',
  'feature',
  'unfeature',
  'ban',
  'suspend',
  'unban',
  'role_change',
  'trust_change',
  'rule_change',
  'rule_rollback',
  'section_policy_change',
  'article_change',
  'article_policy_change',
  'auto_close',
  'auto_premoderate',
  'auto_action_reversed',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

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
