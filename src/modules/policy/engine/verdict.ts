export type Decision = 'publish' | 'hold' | 'reject';
export type RuleAction = 'hold' | 'reject';

/** A span of the ORIGINAL comment text, in UTF-16 code units, as `String.prototype.slice` takes it. */
export interface TextMatch {
  text: string;
  start: number;
  end: number;
  /** The policy entry that matched, for term rules. */
  term?: string;
}

export interface Reason {
  rule: string;
  action: RuleAction;
  message: string;
  messageKo: string;
  match?: TextMatch;
  /** Every match when there is more than one (capped), so a moderator page can highlight them all. */
  matches?: TextMatch[];
  clause?: string;
  /** The classifier's score, for its rule. */
  score?: number;
}

export interface Verdict {
  decision: Decision;
  reasons: Reason[];
  policyVersion: number;
}

const SEVERITY: Record<Decision, number> = { publish: 0, hold: 1, reject: 2 };

export function strictest(reasons: readonly Reason[]): Decision {
  let decision: Decision = 'publish';
  for (const reason of reasons) {
    if (SEVERITY[reason.action] > SEVERITY[decision]) decision = reason.action;
  }
  return decision;
}
