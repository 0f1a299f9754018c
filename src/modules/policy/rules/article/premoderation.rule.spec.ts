import { describe, expect, it } from '@jest/globals';
import { rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';

describe('article.premoderation', () => {
  it('holds every comment on a premoderated article', () => {
    const verdict = verdictOf('좋은 기사 감사합니다.', { article: { premoderation: true } });
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['article.premoderation']);
  });

  it('publishes the same comment on an ordinary article', () => {
    expect(verdictOf('좋은 기사 감사합니다.', { article: { premoderation: false } }).decision).toBe('publish');
  });

  it('still rejects profanity on a premoderated article', () => {
    expect(verdictOf('씨발', { article: { premoderation: true } }).decision).toBe('reject');
  });
});
