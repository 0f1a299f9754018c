import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { aDefinition, rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';

const civil = '좋은 기사 감사합니다.';

describe('account.new', () => {
  const holdingNew = compilePolicy(
    aDefinition((d) => (d.newAccount = { enabled: true, firstComments: 3, minAccountAgeDays: 0, regularAfterApproved: 3, action: 'hold' })),
  );

  it('is off in the default policy: a new account’s first comment is published', () => {
    expect(verdictOf(civil, { author: { priorComments: 0, accountAgeDays: 0 } }).decision).toBe('publish');
  });

  it.each([[0], [1], [2]])('holds the comment after %i earlier ones when the first 3 are held', (priorComments) => {
    const verdict = verdictOf(civil, { author: { priorComments } }, holdingNew);
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['account.new']);
  });

  it('publishes the fourth comment', () => {
    expect(verdictOf(civil, { author: { priorComments: 3 } }, holdingNew).decision).toBe('publish');
  });

  it('holds while the account is younger than the minimum age', () => {
    const byAge = compilePolicy(
      aDefinition((d) => (d.newAccount = { enabled: true, firstComments: 0, minAccountAgeDays: 7, regularAfterApproved: 3, action: 'hold' })),
    );
    expect(verdictOf(civil, { author: { accountAgeDays: 2, priorComments: 50 } }, byAge).decision).toBe('hold');
    expect(verdictOf(civil, { author: { accountAgeDays: 8, priorComments: 50 } }, byAge).decision).toBe('publish');
  });

  it.each([['trusted'], ['regular']] as const)('never holds a %s author', (trust) => {
    expect(verdictOf(civil, { author: { priorComments: 0, trust } }, holdingNew).decision).toBe('publish');
  });
});

describe('account.watched', () => {
  it('holds every comment of a watched author', () => {
    const verdict = verdictOf(civil, { author: { trust: 'watched', priorComments: 100 } });
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['account.watched']);
  });
});
