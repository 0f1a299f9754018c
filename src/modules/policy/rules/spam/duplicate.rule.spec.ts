import { describe, expect, it } from '@jest/globals';
import { duplicateKey } from '@/modules/policy/engine/normalize/normalize-for-matching.js';
import { NOW, rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';

const minutesAgo = (minutes: number): Date => new Date(NOW.getTime() - minutes * 60_000);
const body = '정부의 부동산 대책은 실효성이 없다고 생각합니다.';

describe('spam.duplicate', () => {
  it.each([
    [body, 'the same text'],
    ['정부의 부동산 대책은 실효성이 없다고 생각합니다!!!', 'the same words with other punctuation'],
    ['정부의  부동산 대책은 실효성이 없다고 생각합니다', 'the same words with other spacing'],
  ])('holds %j (%s) posted again by the same author within the window', (text) => {
    const verdict = verdictOf(text, { recentComments: [{ body, postedAt: minutesAgo(30) }] });
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['spam.duplicate']);
  });

  it('uses a stored key when the caller provides one', () => {
    const verdict = verdictOf(body, { recentComments: [{ body: 'ignored', key: duplicateKey(body), postedAt: minutesAgo(5) }] });
    expect(rulesFired(verdict)).toEqual(['spam.duplicate']);
  });

  it('publishes the same text once the window has passed', () => {
    expect(verdictOf(body, { recentComments: [{ body, postedAt: minutesAgo(25 * 60) }] }).decision).toBe('publish');
  });

  it('publishes a different comment', () => {
    expect(verdictOf('다른 의견입니다. 대책이 효과가 있을 것 같아요.', { recentComments: [{ body, postedAt: minutesAgo(5) }] }).decision).toBe('publish');
  });

  it('lets short comments like "동의합니다" be repeated', () => {
    expect(verdictOf('동의합니다', { recentComments: [{ body: '동의합니다', postedAt: minutesAgo(5) }] }).decision).toBe('publish');
  });
});
