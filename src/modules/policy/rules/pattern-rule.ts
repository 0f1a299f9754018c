import type { EvaluationInput } from '@/modules/policy/engine/evaluation-input.js';
import { makeReason, MAX_MATCHES, type Messages, type PolicyRule } from '@/modules/policy/engine/rule.js';
import type { PolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import type { RuleAction, TextMatch } from '@/modules/policy/engine/verdict.js';

interface PatternRuleSpec {
  id: string;
  action: RuleAction;
  messages: Messages;
  /** Global, sticky-free regex run over the folded detector text. */
  pattern: RegExp;
  /** A cheap test that lets most comments skip the regex altogether. */
  mayContain?: (text: string) => boolean;
  /** Whether a regex match really is what the rule is about (a valid date, a Luhn checksum, …). */
  accept?: (match: RegExpExecArray) => boolean;
  /** How the match is shown back; personal data is masked so reasons never repeat it in full. */
  present?: (match: TextMatch) => TextMatch;
}

/** A rule that fires when a precompiled regex finds something in the detector text. */
export function patternRule(definition: PolicyDefinition, spec: PatternRuleSpec): PolicyRule {
  const { pattern } = spec;
  if (!pattern.global) throw new Error(`${spec.id}: the pattern must be global`);
  return {
    id: spec.id,
    apply(input: EvaluationInput, reasons) {
      const text = input.detectorText();
      if (spec.mayContain && !spec.mayContain(text)) return;
      const matches: TextMatch[] = [];
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m !== null && matches.length < MAX_MATCHES; m = pattern.exec(text)) {
        if (spec.accept && !spec.accept(m)) continue;
        const match = input.matchInDetectorText(m.index, m.index + m[0].length);
        matches.push(spec.present ? spec.present(match) : match);
      }
      if (matches.length > 0) reasons.push(makeReason(definition, spec.id, spec.action, spec.messages, matches));
    },
  };
}
