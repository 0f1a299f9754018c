import type { CompiledPolicy } from './compile-policy.js';
import type { EvaluationContext } from './context.js';
import { EvaluationInput } from './evaluation-input.js';
import { strictest, type Reason, type Verdict } from './verdict.js';

export { compilePolicy, type CompiledPolicy } from './compile-policy.js';
export { AUTHOR_TRUST, type AuthorFacts, type AuthorTrust, type EvaluationContext } from './context.js';
export type { PolicyDefinition } from './policy-definition.js';
export { UnmatchableTermError } from './matcher/term-matcher.js';
export { toxicityReason, toxicityUnavailableReason, withReason, type ToxicityClassifier, type ToxicityScore } from './toxicity.js';
export type { Verdict } from './verdict.js';

/**
 * Judges one comment: every enabled rule runs, every rule that fires gives a reason, and the strictest
 * action decides (reject > hold > publish). Pure and synchronous; `text` is the stored body, untouched.
 */
export function evaluate(text: string, context: EvaluationContext, policy: CompiledPolicy): Verdict {
  const input = new EvaluationInput(text, context, policy.normalizer, policy.matcher);
  const reasons: Reason[] = [];
  for (const rule of policy.rules) rule.apply(input, reasons);
  return { decision: strictest(reasons), reasons, policyVersion: policy.version };
}
