import type { EvaluationInput } from './evaluation-input.js';
import type { PolicyDefinition } from './policy-definition.js';
import type { Reason, RuleAction, TextMatch } from './verdict.js';

export interface Messages {
  en: string;
  ko: string;
}

/** A rule bound to its settings at compile time; `apply` adds at most one reason. */
export interface PolicyRule {
  readonly id: string;
  apply(input: EvaluationInput, reasons: Reason[]): void;
}

/** Builds a rule from the policy, or returns null when the policy turns it off. */
export type RuleFactory = (definition: PolicyDefinition) => PolicyRule | null;

/** How many matches a reason lists at most: enough to show a moderator, bounded for a pathological comment. */
export const MAX_MATCHES = 20;

export function makeReason(definition: PolicyDefinition, rule: string, action: RuleAction, messages: Messages, matches: readonly TextMatch[] = []): Reason {
  const reason: Reason = { rule, action, message: messages.en, messageKo: messages.ko };
  const clause = definition.clauses[rule];
  if (clause !== undefined) reason.clause = clause;
  if (matches.length > 0) reason.match = matches[0]!;
  if (matches.length > 1) reason.matches = matches.slice(0, MAX_MATCHES);
  return reason;
}
