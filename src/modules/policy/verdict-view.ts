import type { Verdict } from './engine/engine.js';

/** The contract's Verdict, with each reason's Korean message, policy clause and match added. */
export interface VerdictView {
  decision: Verdict['decision'];
  reasons: {
    rule: string;
    message: string;
    messageKo: string;
    clause?: string;
    match?: { text: string; start: number; end: number };
  }[];
}

export function toVerdictView(verdict: Pick<Verdict, 'decision' | 'reasons'>): VerdictView {
  return {
    decision: verdict.decision,
    reasons: verdict.reasons.map(({ rule, message, messageKo, clause, match }) => ({
      rule,
      message,
      messageKo,
      ...(clause ? { clause } : {}),
      ...(match ? { match: { text: match.text, start: match.start, end: match.end } } : {}),
    })),
  };
}
