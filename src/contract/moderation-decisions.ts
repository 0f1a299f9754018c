import type { CommentView } from './comments.js';

export type DecisionAction = 'approve' | 'reject';

export interface DecisionAnswer {
  comment: CommentView;
}

/** One item of a bulk decision: each says how it went on its own. */
export type DecisionOutcome =
  | { commentId: string; outcome: 'applied' | 'unchanged'; comment: CommentView }
  | { commentId: string; outcome: 'error'; error: { code: string; message: string } };

export interface BulkDecisionAnswer {
  results: DecisionOutcome[];
}
