import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from './compile-policy.js';
import { aDefinition, verdictOf } from './testing/policy-fixtures.js';
import { toxicityReason, withReason, type ToxicityClassifier } from './toxicity.js';

const policy = compilePolicy(aDefinition((d) => (d.toxicity = { enabled: true, holdAt: 0.8, rejectAt: 0.97 })));

describe('toxicityReason', () => {
  it.each([
    [0.1, null],
    [0.79, null],
    [0.8, 'hold'],
    [0.96, 'hold'],
    [0.97, 'reject'],
    [1, 'reject'],
    [Number.NaN, null],
  ])('turns a score of %f into %s', (score, action) => {
    expect(toxicityReason(score, policy)?.action ?? null).toBe(action);
  });

  it('gives no reason while the classifier is switched off (the default)', () => {
    expect(toxicityReason(0.99, compilePolicy(aDefinition()))).toBeNull();
  });

  it('adds its reason to a verdict and recomputes the decision', async () => {
    const classifier: ToxicityClassifier = { classify: () => Promise.resolve({ score: 0.9 }) };
    const verdict = verdictOf('좋은 기사네요');
    const { score } = await classifier.classify('좋은 기사네요');
    const combined = withReason(verdict, toxicityReason(score, policy));
    expect(combined.decision).toBe('hold');
    expect(combined.reasons.map((r) => r.rule)).toEqual(['toxicity.classifier']);
  });

  it('leaves a verdict alone when there is no reason', () => {
    const verdict = verdictOf('좋은 기사네요');
    expect(withReason(verdict, null)).toBe(verdict);
  });
});
