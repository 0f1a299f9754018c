import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { aDefinition, rulesFired, theDefaultPolicyWithoutClassifier, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';

describe('profanity.banned', () => {
  it.each([
    // plain
    ['씨발'],
    ['개새끼'],
    ['병신'],
    ['fuck'],
    ['shit'],
    ['cunt'],
    // separators and zero-width characters inside words
    ['시 발'],
    ['시.발'],
    ['시-발'],
    ['시_발'],
    ['시...발'],
    ['f*u*c*k'],
    ['f.u.c.k'],
    ['f u c k'],
    ['s h i t'],
    ['f\u200bu\u200bc\u200bk'],
    ['시\u200b발'],
    ['fu\u00adck'],
    ['개 새 끼'],
    ['병 신'],
    // digits and symbols as letters
    ['시1발'],
    ['병1신'],
    ['씨8발'],
    ['sh1t'],
    ['$hit'],
    ['5hit'],
    ['b!tch'],
    ['a55hole'],
    ['n1gger'],
    // spelled-out jamo
    ['ㅅㅣㅂㅏㄹ'],
    ['ㅂㅕㅇㅅㅣㄴ'],
    ['ㄱㅐㅅㅐㄲㅣ'],
    ['ㅅ ㅣ ㅂ ㅏ ㄹ'],
    // stretching
    ['fuuuuuck'],
    ['shiiiiit'],
    ['시발발발'],
    // width, case and look-alike letters
    ['ｆｕｃｋ'],
    ['ＦＵＣＫ'],
    ['FuCk'],
    ['fuсk'],
    ['ѕhit'],
    ['𝐟𝐮𝐜𝐤'],
    ['ⓕⓤⓒⓚ'],
    ['fück'],
    // inside a word with Korean particles and endings
    ['씨발놈아'],
    ['개새끼들'],
    ['병신이'],
    ['병신같은'],
    ['이 병신들아'],
    ['motherfucker'],
    ['fucking'],
    // mixed into a sentence
    ['정치인들 다 시1발 놈들이야'],
    ['This is total bullshit.'],
    ['ㅋㅋㅋ 시.발 ㅋㅋㅋ'],
  ])('rejects %j as profanity.banned', (text) => {
    const verdict = verdictOf(text);
    expect(verdict.decision).toBe('reject');
    expect(rulesFired(verdict)).toContain('profanity.banned');
  });

  it.each([
    // the Scunthorpe problem
    ['I grew up in Scunthorpe'],
    ['the assassin escaped'],
    ['a class action'],
    ['a cocktail party'],
    ['peacock feathers'],
    ['the cockpit voice recorder'],
    ['Charles Dickens'],
    ['shiitake mushrooms'],
    ['she sniggered'],
    ['a niggardly budget'],
    ['fire retardant'],
    ['the Fukushima plant'],
    ['a trip to Phuket'],
    ['a bastardised version of the bill'],
    ['homo sapiens'],
    ['my pussycat'],
    ['What the hell is going on'],
    ['the Cumulative index'],
    ['a cucumber salad'],
    ['the document'],
    // Korean words that contain a term
    ['시발점으로 돌아가자'],
    ['시발역에서 출발'],
    ['제 십팔번은 트로트입니다'],
    ['수박씨발라먹어'],
    ['수박씨 발라 먹어'],
    ['시바견을 키워요'],
    ['시바 이누 귀엽다'],
    ['병신양요 때'],
    ['5개년 계획'],
    ['제1차 5개년 경제개발계획'],
    ['새끼손가락 걸고 약속'],
    ['고양이새끼 세 마리'],
    ['뉴욕 양키스 경기'],
    ['아저씨바로 오세요'],
    // words close to terms that are not terms
    ['자위대 파병'],
    ['보지 못했다'],
    ['영향을 미친다'],
    ['자지 않고 기다렸다'],
    ['껌을 씹다'],
    ['서울시 발표에 따르면'],
    ['김 씨 발언'],
    ['2024년 10월'],
    ['18년 만에'],
    ['위기가 닥쳐온다'],
    ['불이 꺼져 있었다'],
    ['엄마를 졸라 샀다'],
  ])('publishes %j (an innocent word that contains or resembles a term)', (text) => {
    const verdict = verdictOf(text);
    expect(rulesFired(verdict)).toEqual([]);
    expect(verdict.decision).toBe('publish');
  });

  it('gives the original spelling and the matched entry, positioned in the original text', () => {
    const text = '아니 이건 시.1발 너무하네';
    const reason = verdictOf(text).reasons.find((r) => r.rule === 'profanity.banned');
    expect(reason?.match).toEqual({ text: '시.1발', start: 6, end: 10, term: '시발' });
    expect(text.slice(reason!.match!.start, reason!.match!.end)).toBe('시.1발');
  });

  it('lists every match so a moderator page can highlight them all', () => {
    const reason = verdictOf('fuck this and 시발').reasons.find((r) => r.rule === 'profanity.banned');
    expect(reason?.matches?.map((m) => m.text)).toEqual(['fuck', '시발']);
  });

  it('rejects "수박씨발라먹어" only with a fruit before it: a bare "씨발라먹어" is rejected', () => {
    expect(verdictOf('수박씨발라먹어').decision).toBe('publish');
    expect(verdictOf('씨발라먹어').decision).toBe('reject');
  });

  it('is switched off by an empty banned list', () => {
    const policy = compilePolicy(aDefinition((d) => (d.terms.banned = [])));
    expect(rulesFired(verdictOf('fuck', {}, policy))).not.toContain('profanity.banned');
  });
});

describe('profanity.suspect', () => {
  it.each([['등신'], ['또라이'], ['닥쳐라'], ['꺼져라'], ['죽여버린다'], ['you ass'], ['kiss my asses'], ['bastard'], ['기레기'], ['빨갱이'], ['양키들']])(
    'holds %j as profanity.suspect',
    (text) => {
      const verdict = verdictOf(text, {}, theDefaultPolicyWithoutClassifier());
      expect(verdict.decision).toBe('hold');
      expect(rulesFired(verdict)).toEqual(['profanity.suspect']);
    },
  );

  it('holds a custom suspect term followed by particles ("바보야", "바보들", "바보가")', () => {
    const policy = compilePolicy(aDefinition((d) => (d.terms.suspect = ['<바보>'])));
    for (const text of ['바보야', '바보들', '바보가', '이 바보']) expect(verdictOf(text, {}, policy).decision).toBe('hold');
    expect(verdictOf('바보상자', {}, policy).decision).toBe('publish');
  });

  it('lets a banned term win over a suspect one in the decision while listing both', () => {
    const verdict = verdictOf('등신 같은 씨발', {}, theDefaultPolicyWithoutClassifier());
    expect(verdict.decision).toBe('reject');
    expect(rulesFired(verdict)).toEqual(['profanity.banned', 'profanity.suspect']);
  });
});

describe('profanity.initials', () => {
  it.each([['ㅅㅂ'], ['ㅆㅂ'], ['ㅂㅅ'], ['ㅄ'], ['ㅅ ㅂ'], ['ㅋㅋㅋㅅㅂㅋㅋ'], ['아 ㅅㅂ 진짜'], ['ㄱㅅㄲ'], ['ㅅㅅㅂㅂ']])(
    'rejects %j as profanity.initials',
    (text) => {
      const verdict = verdictOf(text, {}, theDefaultPolicyWithoutClassifier());
      expect(verdict.decision).toBe('reject');
      expect(rulesFired(verdict)).toEqual(['profanity.initials']);
    },
  );

  it.each([['ㅈㄴ 웃기네'], ['ㅁㅊ'], ['ㅗㅗ']])('holds %j as profanity.initials', (text) => {
    const verdict = verdictOf(text, {}, theDefaultPolicyWithoutClassifier());
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['profanity.initials']);
  });

  it.each([['ㅋㅋㅋㅋ'], ['ㅎㅎ'], ['ㅠㅠ'], ['ㄱㅅ'], ['ㅇㅈ'], ['ㅈㅅ합니다'], ['ㄷㄷ'], ['ㅇㅋ'], ['ㄱㄱ'], ['ㅊㅋㅊㅋ'], ['ㅅㄱ']])(
    'publishes everyday abbreviation %j',
    (text) => {
      expect(verdictOf(text).decision).toBe('publish');
    },
  );
});
