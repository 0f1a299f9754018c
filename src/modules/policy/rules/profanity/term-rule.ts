import type { TermKind } from '@/modules/policy/engine/matcher/term-matcher.js';
import { makeReason, type Messages, type PolicyRule } from '@/modules/policy/engine/rule.js';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import type { RuleAction, TextMatch } from '@/modules/policy/engine/verdict.js';

/** A rule that reports the term hits of some kinds; the strictest kind that matched sets the action. */
export function termRule(definition: PolicyDefinition, id: string, actions: Partial<Record<TermKind, RuleAction>>, messages: Messages): PolicyRule {
  return {
    id,
    apply(input, reasons) {
      const hits = input.termHits();
      if (hits.length === 0) return;
      let action: RuleAction | undefined;
      const matches: TextMatch[] = [];
      for (const hit of hits) {
        const hitAction = actions[hit.kind];
        if (hitAction === undefined) continue;
        if (action !== 'reject') action = hitAction;
        matches.push(input.matchInSkeleton(hit.start, hit.end, hit.term));
      }
      if (action !== undefined) reasons.push(makeReason(definition, id, action, messages, matches));
    },
  };
}
