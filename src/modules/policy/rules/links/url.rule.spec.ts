import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { aDefinition, rulesFired, theDefaultPolicyWithoutClassifier, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';
import { hostOf, isAllowedHost } from './url.rule.js';

describe('links.url', () => {
  it.each([
    ['https://example.com/a?b=1'],
    ['http://spam.xyz'],
    ['HTTPS://EXAMPLE.COM'],
    ['www.example.org/page'],
    ['example.com'],
    ['naver.me/xYz12'],
    ['bit.ly/3abc'],
    ['youtu.be/dQw4w9WgXcQ'],
    ['자세한 건 blog.naver.com/abc 참고'],
    ['sub.domain.co.kr'],
    ['ｅｘａｍｐｌｅ．ｃｏｍ'],
    ['example.com에서 확인'],
  ])('holds %j as links.url', (text) => {
    const verdict = verdictOf(text, {}, theDefaultPolicyWithoutClassifier());
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['links.url']);
  });

  it.each([['e.g. this'], ['i.e. that'], ['the U.S. economy'], ['Node.js 20'], ['3.5% 인상'], ['Mr.Kim'], ['end.Then']])(
    'publishes %j (dots that are not links)',
    (text) => {
      expect(rulesFired(verdictOf(text))).not.toContain('links.url');
    },
  );

  it.each([['https://www.korea.kr/news'], ['moef.go.kr'], ['https://en.wikipedia.org/wiki/Seoul']])(
    'publishes %j (an allowed domain or its sub-domain)',
    (text) => {
      expect(verdictOf(text).decision).toBe('publish');
    },
  );

  it('does not count the domain of an e-mail address as a link', () => {
    expect(rulesFired(verdictOf('kim@naver.com'))).toEqual(['personal.email']);
  });

  it('rejects links when the policy says reject, and ignores them when it says allow', () => {
    const rejecting = compilePolicy(aDefinition((d) => (d.links.action = 'reject')));
    expect(verdictOf('https://spam.xyz', {}, rejecting).decision).toBe('reject');
    const allowing = compilePolicy(aDefinition((d) => (d.links.action = 'allow')));
    expect(verdictOf('https://spam.xyz', {}, allowing).decision).toBe('publish');
  });

  it.each([
    ['https://News.Example.com:443/a', 'news.example.com'],
    ['www.example.org/x', 'www.example.org'],
    ['naver.me/abc', 'naver.me'],
  ])('reads the host of %j as %j', (link, host) => {
    expect(hostOf(link)).toBe(host);
  });

  it('allows a domain and its sub-domains but not look-alike hosts', () => {
    expect(isAllowedHost('news.example.com', ['example.com'])).toBe(true);
    expect(isAllowedHost('badexample.com', ['example.com'])).toBe(false);
  });
});
