import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { parsePolicyDefinition } from '@/modules/policy/engine/policy-definition.js';
import { rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';
import { ALLOW_LIST } from './allow-list.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { INITIALS_BANNED, INITIALS_SUSPECT } from './initials.js';
import { ENGLISH_BANNED, ENGLISH_SUSPECT } from './terms-en.js';
import { KOREAN_BANNED, KOREAN_SUSPECT } from './terms-ko.js';

const CIVIL_COMMENTS = [
  '이번 기준금리 0.25%p 인상은 가계 부채를 고려하면 불가피했다고 봅니다.',
  '2024년 10월 16일 16:55 발표에 따르면 소비자물가가 전년 대비 3.1% 올랐네요.',
  '북한이 또 탄도미사일을 발사했다니 걱정입니다. 한반도 평화가 오길 바랍니다.',
  '김정은 정권의 핵실험은 국제사회 제재를 더 부를 뿐입니다.',
  '우크라이나 전쟁이 3년째인데 휴전 협상은 언제쯤 될까요?',
  '가자지구 민간인 사망자가 1,200명을 넘었다는 보도에 마음이 아픕니다.',
  '대통령과 야당 대표가 만나서 민생 문제부터 해결했으면 좋겠습니다.',
  '국민의힘과 더불어민주당 모두 예산안 처리에 협조해 주세요.',
  '서울시 발표에 따르면 지하철 요금이 1,400원에서 1,550원으로 오른답니다.',
  '아파트 매매가가 평균 12억 3천만 원이라니 청년들은 집을 살 수가 없네요.',
  '환율이 1,380원을 넘었는데 수출 기업에는 호재일 수도 있겠습니다.',
  '제2차 세계대전 이후 최대 규모의 난민 사태라고 합니다.',
  '고금리가 자영업자에게 미친 영향을 좀 더 자세히 다뤄 주세요.',
  '위기가 닥쳐오기 전에 미리 대비해야 합니다.',
  '정전으로 불이 꺼져 있었다는 주민 인터뷰가 인상적이었습니다.',
  '일본 자위대의 역할 확대에 대해서는 신중해야 한다고 생각합니다.',
  '수능이 11월 14일이네요. 수험생 여러분 모두 힘내세요!',
  '기사 잘 봤습니다 ㅎㅎ 후속 보도 기대할게요 ㅋㅋ',
  '소방관분들 정말 고생 많으셨습니다 ㅠㅠ',
  '1950년 6월 25일 한국전쟁이 발발한 지 74년이 지났습니다.',
  '반도체 수출이 전년 대비 12.5% 증가해 다행입니다.',
  '시발점이 어디였는지부터 다시 따져 봐야 합니다.',
  '어릴 때 수박씨발라먹던 기억이 나네요.',
  '제 십팔번은 트로트입니다 ㅎㅎ',
  'BTS와 NCT의 새 앨범 소식 반갑네요. K-pop 화이팅!',
  'COVID-19 이후 재택근무가 보편화되었죠.',
  '이 정책은 5개년 계획의 일부라고 합니다.',
  '영화 기생충이 다시 화제가 되네요.',
  'The central bank raised its key rate by 0.25 percentage points to 3.5% on Wednesday.',
  'North Korea fired another ballistic missile at 16:55 local time, according to Seoul.',
  'Prices rose 3.1% in October 2024 compared with a year earlier, the statistics office said.',
  'The war in Ukraine has now lasted more than 1,000 days. I hope for a ceasefire soon.',
  'Both parties should pass the budget before December 2; the public deserves better.',
  'A $2.5 billion aid package is a lot of money, but the needs in Gaza are enormous.',
  'Great reporting from Scunthorpe on the steelworks closure.',
  'The assassination attempt in 1979 changed Korean politics for a decade.',
  'I am not sure the NATO summit in Vilnius achieved much for Kyiv.',
  'Thank you for covering the G7 meeting; the class divide in housing is real.',
  'Having lived in Seoul since 2015, I can confirm rents went up by about 30%.',
  'The cocktail of high rates and weak demand is hurting small businesses.',
  'The Fukushima water release is still controversial in Korea and China.',
  'My grandfather fought at the Battle of Inchon in September 1950.',
];

describe('the default Standards Board policy', () => {
  it('validates against the policy schema', () => {
    expect(() => parsePolicyDefinition(DEFAULT_POLICY)).not.toThrow();
  });

  it.each([
    ['Korean banned', KOREAN_BANNED, 250],
    ['Korean suspect', KOREAN_SUSPECT, 100],
    ['English banned', ENGLISH_BANNED, 200],
    ['English suspect', ENGLISH_SUSPECT, 60],
    ['allow-list', ALLOW_LIST, 80],
    ['initials', [...INITIALS_BANNED, ...INITIALS_SUSPECT], 25],
  ] as const)('ships a %s list of real size (at least %#)', (_label, list, minimum) => {
    expect(list.length).toBeGreaterThanOrEqual(minimum);
  });

  it('lists no entry twice and no entry in both banned and suspect', () => {
    const banned = DEFAULT_POLICY.terms.banned;
    const suspect = DEFAULT_POLICY.terms.suspect;
    expect(new Set(banned).size).toBe(banned.length);
    expect(new Set(suspect).size).toBe(suspect.length);
    expect(banned.filter((term) => suspect.includes(term))).toEqual([]);
  });

  it.each(CIVIL_COMMENTS.map((c) => [c]))('publishes the civil comment %j from a brand-new account at once', (comment) => {
    const verdict = verdictOf(comment, { author: { accountAgeDays: 0, priorComments: 0 } });
    expect(verdict.reasons).toEqual([]);
    expect(verdict.decision).toBe('publish');
  });

  it('rejects every banned entry typed on its own', () => {
    const published = DEFAULT_POLICY.terms.banned.filter((entry) => {
      const typed = entry.replace(/^</, '').replace(/>$/, '');
      return verdictOf(typed).decision !== 'reject';
    });
    expect(published).toEqual([]);
  });

  it('holds or rejects every suspect entry typed on its own', () => {
    const published = DEFAULT_POLICY.terms.suspect.filter((entry) => {
      const typed = entry.replace(/^</, '').replace(/>$/, '');
      return verdictOf(typed).decision === 'publish';
    });
    expect(published).toEqual([]);
  });

  it('catches every initial-consonant entry typed on its own', () => {
    const missed = [...INITIALS_BANNED, ...INITIALS_SUSPECT].filter((entry) => !rulesFired(verdictOf(entry)).includes('profanity.initials'));
    expect(missed).toEqual([]);
  });

  it('compiles in well under a second', () => {
    const started = performance.now();
    compilePolicy(DEFAULT_POLICY);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
