import { describe, expect, it } from '@jest/globals';
import { ZodError } from 'zod';
import { DEFAULT_POLICY } from '@/modules/policy/default-policy/default-policy.js';
import { compilePolicy, evaluate, UnmatchableTermError } from './engine.js';
import { aContext, aDefinition, rulesFired, theDefaultPolicy, verdictOf } from './testing/policy-fixtures.js';

describe('evaluate', () => {
  it('publishes a civil comment with no reasons', () => {
    expect(verdictOf('좋은 기사 감사합니다.')).toEqual({ decision: 'publish', reasons: [], policyVersion: 1 });
  });

  it.each([
    ['hold beats publish', '연락주세요 010-1234-5678', {}, 'hold'],
    ['reject beats hold', '씨발 010-1234-5678', {}, 'reject'],
    ['reject beats hold from the article', '씨발', { article: { premoderation: true } }, 'reject'],
    ['hold from the article alone', '좋은 기사', { article: { premoderation: true } }, 'hold'],
  ] as const)('lets the strictest decision win: %s', (_label, text, overrides, decision) => {
    expect(verdictOf(text, overrides).decision).toBe(decision);
  });

  it('lists every rule that fired, each once, with English and Korean messages and its clause', () => {
    const verdict = verdictOf('씨발 씨발 ㅅㅂ 010-1234-5678 kim@naver.com https://spam.xyz', {
      article: { premoderation: true },
      author: { postedToday: 25, postedOnArticle: 5 },
    });
    expect(rulesFired(verdict)).toEqual([
      'profanity.banned',
      'profanity.initials',
      'classifier.abuse',
      'personal.phone',
      'personal.email',
      'links.url',
      'quota.daily',
      'quota.article',
      'article.premoderation',
    ]);
    for (const reason of verdict.reasons) {
      expect(reason.message).toMatch(/[A-Za-z]/);
      expect(reason.messageKo).toMatch(/[가-힣]/);
    }
    expect(verdict.reasons[0]?.clause).toContain('Standards Board Policy');
  });

  it('never changes the text it is given and returns positions in that text', () => {
    const text = '  이건 ｆｕｃｋ 이다  ';
    const verdict = verdictOf(text);
    const match = verdict.reasons[0]!.match!;
    expect(text.slice(match.start, match.end)).toBe('ｆｕｃｋ');
  });

  it('gives the same verdict for the same input, evaluation after evaluation', () => {
    const policy = theDefaultPolicy();
    const first = evaluate('시1발 010-1234-5678', aContext(), policy);
    for (let i = 0; i < 50; i++) evaluate(`다른 댓글 ${i} fuck`, aContext(), policy);
    expect(evaluate('시1발 010-1234-5678', aContext(), policy)).toEqual(first);
  });

  it('records the version of the policy that judged', () => {
    const policy = compilePolicy(aDefinition((d) => (d.version = 7)));
    expect(evaluate('안녕하세요', aContext(), policy).policyVersion).toBe(7);
  });
});

describe('compilePolicy', () => {
  it('compiles the default policy from its JSON form, as PostgreSQL would return it', () => {
    const fromJson = compilePolicy(JSON.parse(JSON.stringify(DEFAULT_POLICY)));
    expect(evaluate('시.발', aContext(), fromJson).decision).toBe('reject');
  });

  it('refuses an invalid definition with a ZodError naming the field', () => {
    const broken = { ...DEFAULT_POLICY, quotas: { ...DEFAULT_POLICY.quotas, daily: { enabled: true, limit: -1, action: 'reject' } } };
    expect(() => compilePolicy(broken)).toThrow(ZodError);
  });

  it.each([
    ['an unknown field', { ...DEFAULT_POLICY, extra: true }],
    ['an unknown action', aDefinition((d) => ((d.detectors.phone as { action: string }).action = 'ban'))],
    ['a malformed term', aDefinition((d) => (d.terms.banned = ['<<x']))],
    ['non-jamo initials', aDefinition((d) => (d.terms.initialsBanned = ['ab']))],
    ['a malformed domain', aDefinition((d) => (d.links.allowedDomains = ['https://x.com']))],
  ])('refuses %s', (_label, definition) => {
    expect(() => compilePolicy(definition)).toThrow(ZodError);
  });

  it('refuses a term that normalises to nothing', () => {
    expect(() => compilePolicy(aDefinition((d) => (d.terms.banned = ['...'])))).toThrow(UnmatchableTermError);
  });
});
