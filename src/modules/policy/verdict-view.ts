import type { VerdictView } from '@/contract/verdicts.js';
import type { PolicyLayer } from './layers/policy-overrides.js';
import type { Verdict } from './engine/engine.js';

export type { VerdictView };

export function toVerdictView(verdict: Pick<Verdict, 'decision' | 'reasons'>): VerdictView {
  return {
    decision: verdict.decision,
    reasons: verdict.reasons.map(({ rule, message, messageKo, clause, match, layer }: Verdict['reasons'][number] & { layer?: PolicyLayer }) => ({
      rule,
      message,
      messageKo,
      ...(layer ? { layer } : {}),
      ...(clause ? { clause } : {}),
      ...(match ? { match: { text: match.text, start: match.start, end: match.end } } : {}),
    })),
  };
}
