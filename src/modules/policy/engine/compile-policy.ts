import { RULE_FACTORIES } from '@/modules/policy/rules/index.js';
import { TERM_KINDS, TermMatcher } from './matcher/term-matcher.js';
import { TextNormalizer } from './normalize/text-normalizer.js';
import { parsePolicyDefinition, type PolicyDefinition } from './policy-definition.js';
import type { PolicyRule } from './rule.js';

export interface CompiledPolicy {
  readonly definition: PolicyDefinition;
  readonly version: number;
  readonly rules: readonly PolicyRule[];
  readonly matcher: TermMatcher;
  /** Scratch buffers reused by every evaluation; `evaluate` is synchronous, so they are never shared. */
  readonly normalizer: TextNormalizer;
}

/**
 * Validates a policy (a typed definition or the JSON stored for it) and builds everything evaluation needs,
 * once: one automaton over every term list, the detectors bound to their settings. Throws a ZodError for an
 * invalid definition and an UnmatchableTermError for a term that normalises to nothing.
 */
export function compilePolicy(input: unknown): CompiledPolicy {
  const definition = parsePolicyDefinition(input);
  const matcher = new TermMatcher(TERM_KINDS.map((kind) => ({ kind, entries: definition.terms[kind] })));
  const rules = RULE_FACTORIES.map((factory) => factory(definition)).filter((rule): rule is PolicyRule => rule !== null);
  return Object.freeze({ definition, version: definition.version, rules, matcher, normalizer: new TextNormalizer() });
}
