import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { aDefinition, rulesFired, theDefaultPolicyWithoutClassifier, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';

describe('flood.repeat', () => {
  it.each([
    ['ㅋ'.repeat(200)],
    ['좋아요 ' + 'ㅋ'.repeat(31)],
    ['ㅋㅎ'.repeat(20)],
    ['!'.repeat(40)],
    ['하'.repeat(35)],
    [Array(20).fill('반대').join(' ')],
    [Array(20).fill('spam').join(' ')],
    [Array(12).fill('대통령 탄핵').join(' ')],
    ['Z' + '\u0301\u0316\u0335'.repeat(20) + 'algo'],
  ])('holds %j as flood.repeat', (text) => {
    const verdict = verdictOf(text);
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toContain('flood.repeat');
  });

  it.each([
    ['ㅋㅋㅋㅋㅋㅋㅋㅋㅋㅋ 너무 웃기네요'],
    ['하하하 좋은 기사입니다'],
    ['반대 반대 반대 합니다'],
    ['The bill, the vote and the result: the party said the plan was the best of the options on the table.'],
    ['정말 정말 정말 감사합니다'],
    ['Café, naïve, 한국어와 résumé'],
  ])('publishes %j (ordinary repetition)', (text) => {
    expect(rulesFired(verdictOf(text))).not.toContain('flood.repeat');
  });

  it('honours the configured run length', () => {
    const strict = compilePolicy(aDefinition((d) => (d.detectors.repeat.maxCharRun = 5)));
    expect(verdictOf('ㅋㅋㅋㅋㅋㅋㅋ', {}, strict).decision).toBe('hold');
  });
});

describe('flood.shouting', () => {
  it.each([['THIS IS AN OUTRAGE AND EVERYONE KNOWS IT'], ['STOP THE WAR NOW PLEASE LISTEN'], ['ＳＴＯＰ ＴＨＥ ＷＡＲ ＲＩＧＨＴ ＮＯＷ ＰＬＥＡＳＥ']])(
    'holds %j as flood.shouting',
    (text) => {
      const verdict = verdictOf(text, {}, theDefaultPolicyWithoutClassifier());
      expect(verdict.decision).toBe('hold');
      expect(rulesFired(verdict)).toEqual(['flood.shouting']);
    },
  );

  it.each([
    ['NATO and the EU met in Brussels today'],
    ['BTS와 NCT의 새 앨범이 나왔네요 GDP 성장률도'],
    ['OK BOOMER'],
    ['대한민국 만세!!'],
    ['The IMF says GDP will grow'],
  ])('publishes %j (acronyms, short capitals, or no Latin letters)', (text) => {
    expect(rulesFired(verdictOf(text))).not.toContain('flood.shouting');
  });
});
