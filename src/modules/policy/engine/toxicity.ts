import type { CompiledPolicy } from './compile-policy.js';
import { makeReason } from './rule.js';
import { strictest, type Reason, type Verdict } from './verdict.js';

export const TOXICITY_CLASSIFIER = 'toxicity.classifier';

export interface ToxicityScore {
  /** 0 (civil) to 1 (certainly toxic). */
  score: number;
}

/** An outside model (the HTTP adapter lives with the service); the engine only reads its score. */
export interface ToxicityClassifier {
  classify(text: string): Promise<ToxicityScore>;
}

/** The reason a classifier score gives under the policy's thresholds, or null below them or when off. */
export function toxicityReason(score: number, policy: CompiledPolicy): Reason | null {
  const settings = policy.definition.toxicity;
  if (!settings.enabled || !Number.isFinite(score)) return null;
  const action = score >= settings.rejectAt ? 'reject' : score >= settings.holdAt ? 'hold' : null;
  if (action === null) return null;
  return makeReason(policy.definition, TOXICITY_CLASSIFIER, action, {
    en: 'An automatic check found your comment may be hostile or abusive.',
    ko: '자동 검사에서 공격적이거나 모욕적인 표현일 가능성이 높게 나타났습니다.',
  });
}

/** The verdict with one more reason, its decision recomputed. */
export function withReason(verdict: Verdict, reason: Reason | null): Verdict {
  if (reason === null) return verdict;
  const reasons = [...verdict.reasons, reason];
  return { ...verdict, decision: strictest(reasons), reasons };
}

export const TOXICITY_UNAVAILABLE = 'toxicity.unavailable';

/** The classifier could not answer in time: a moderator looks instead, rather than nobody. */
export function toxicityUnavailableReason(policy: CompiledPolicy): Reason {
  return makeReason(policy.definition, TOXICITY_UNAVAILABLE, 'hold', {
    en: 'Your comment will appear once a moderator has read it.',
    ko: '운영자가 확인한 뒤 게시됩니다.',
  });
}
