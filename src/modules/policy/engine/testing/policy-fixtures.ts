// Test fixtures for the policy engine: a context and a policy in one line each.
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { compilePolicy, type CompiledPolicy } from '../compile-policy.js';
import type { AuthorFacts, EvaluationContext } from '../context.js';
import { evaluate } from '../engine.js';
import type { PolicyDefinition } from '../policy-definition.js';
import type { Verdict } from '../verdict.js';

export const NOW = new Date('2024-10-16T07:55:00Z');

export interface ContextOverrides {
  article?: Partial<EvaluationContext['article']>;
  author?: Partial<AuthorFacts>;
  recentComments?: EvaluationContext['recentComments'];
  now?: Date;
}

/** A brand-new author's first comment on an ordinary article. */
export function aContext(overrides: ContextOverrides = {}): EvaluationContext {
  return {
    article: { premoderation: false, section: 'politics', ...overrides.article },
    author: {
      accountAgeDays: 0,
      approvedCount: 0,
      rejectedCount: 0,
      trust: 'new',
      postedToday: 0,
      postedOnArticle: 0,
      priorComments: 0,
      ...overrides.author,
    },
    recentComments: overrides.recentComments ?? [],
    now: overrides.now ?? NOW,
  };
}

export function aDefinition(edit: (definition: PolicyDefinition) => void = () => undefined): PolicyDefinition {
  const definition = structuredClone(DEFAULT_POLICY);
  edit(definition);
  return definition;
}

let defaultPolicy: CompiledPolicy | undefined;

/** The default policy, compiled once for the whole test file. */
export function theDefaultPolicy(): CompiledPolicy {
  defaultPolicy ??= compilePolicy(DEFAULT_POLICY);
  return defaultPolicy;
}

let wordRulesPolicy: CompiledPolicy | undefined;

/** The default policy without its classifier: for tests of the word rules and detectors on their own. */
export function theDefaultPolicyWithoutClassifier(): CompiledPolicy {
  wordRulesPolicy ??= compilePolicy(aDefinition((definition) => (definition.classifier.enabled = false)));
  return wordRulesPolicy;
}

export function verdictOf(text: string, overrides: ContextOverrides = {}, policy = theDefaultPolicy()): Verdict {
  return evaluate(text, aContext(overrides), policy);
}

export function rulesFired(verdict: Verdict): string[] {
  return verdict.reasons.map((reason) => reason.rule);
}
