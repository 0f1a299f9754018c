import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { aDefinition, rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';

const civil = '좋은 기사 감사합니다.';

describe('quota.daily', () => {
  it.each([[0], [19]])('publishes a comment after %i comments today', (postedToday) => {
    expect(verdictOf(civil, { author: { postedToday } }).decision).toBe('publish');
  });

  it.each([[20], [35]])('rejects a comment after %i comments today as quota.daily (limit 20)', (postedToday) => {
    const verdict = verdictOf(civil, { author: { postedToday } });
    expect(verdict.decision).toBe('reject');
    expect(rulesFired(verdict)).toEqual(['quota.daily']);
    expect(verdict.reasons[0]?.message).toContain('20');
  });

  it('follows a configured limit', () => {
    const policy = compilePolicy(aDefinition((d) => (d.quotas.daily.limit = 5)));
    expect(verdictOf(civil, { author: { postedToday: 5 } }, policy).decision).toBe('reject');
  });
});

describe('quota.article', () => {
  it.each([[0], [2]])('publishes a comment after %i on the same article', (postedOnArticle) => {
    expect(verdictOf(civil, { author: { postedOnArticle } }).decision).toBe('publish');
  });

  it('rejects a fourth comment on the same article as quota.article (limit 3)', () => {
    const verdict = verdictOf(civil, { author: { postedOnArticle: 3 } });
    expect(verdict.decision).toBe('reject');
    expect(rulesFired(verdict)).toEqual(['quota.article']);
  });

  it('can be switched off', () => {
    const policy = compilePolicy(aDefinition((d) => (d.quotas.perArticle.enabled = false)));
    expect(verdictOf(civil, { author: { postedOnArticle: 10 } }, policy).decision).toBe('publish');
  });
});
