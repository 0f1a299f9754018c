import { describe, expect, it } from '@jest/globals';
import { compilePolicy } from '@/modules/policy/engine/compile-policy.js';
import { aDefinition, rulesFired, verdictOf } from '@/modules/policy/engine/testing/policy-fixtures.js';
import { looksLikeCardNumber, passesLuhn } from './card.rule.js';
import { isResidentNumberDate } from './resident-number.rule.js';

describe('personal.phone', () => {
  it.each([
    ['010-1234-5678'],
    ['010 1234 5678'],
    ['010.1234.5678'],
    ['01012345678'],
    ['011-123-4567'],
    ['016 987 6543'],
    ['0 1 0 - 1 2 3 4 - 5 6 7 8'],
    ['０１０－１２３４－５６７８'],
    ['010\u200b1234\u200b5678'],
    ['연락주세요010-1234-5678'],
    ['02-123-4567'],
    ['02 1234 5678'],
    ['(02) 123-4567'],
    ['031-123-4567'],
    ['051 234 5678'],
    ['070-1234-5678'],
    ['0505-123-4567'],
    ['+82 10 1234 5678'],
    ['+82-10-1234-5678'],
    ['+821012345678'],
    ['+82 2 123 4567'],
    ['+1 212 555 0100'],
    ['+44 20 7946 0958'],
    ['+81-3-1234-5678'],
    ['공일공 일이삼사 오육칠팔'],
    ['공일공-구팔칠육-오사삼이'],
  ])('holds %j as personal.phone', (text) => {
    const verdict = verdictOf(text);
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['personal.phone']);
  });

  it.each([
    ['2024년 10월 16일 16:55'],
    ['가격은 1,200,000원'],
    ['지지율 45.3%'],
    ['1950-1953 한국전쟁'],
    ['2024.10.16'],
    ['인구 51,700,000명'],
    ['3.5% 인상'],
    ['+3.2%p 상승'],
    ['제2024-123호 법안'],
    ['010'],
    ['0.1 2 3'],
    ['ISBN 978-89-12345-67-8'],
    ['서울 02번 버스'],
    ['일이삼사오육칠팔구십 세어 보자'],
    ['공일공 일이삼'],
  ])('publishes %j (numbers that are not phone numbers)', (text) => {
    expect(rulesFired(verdictOf(text))).not.toContain('personal.phone');
  });

  it('masks the number in the reason but keeps its position in the original text', () => {
    const reason = verdictOf('전화 010-1234-5678 주세요').reasons[0];
    expect(reason?.match).toEqual({ text: '01*-****-**78', start: 3, end: 16 });
  });

  it('can reject instead of hold, or be switched off', () => {
    const rejecting = compilePolicy(aDefinition((d) => (d.detectors.phone.action = 'reject')));
    expect(verdictOf('010-1234-5678', {}, rejecting).decision).toBe('reject');
    const off = compilePolicy(aDefinition((d) => (d.detectors.phone.enabled = false)));
    expect(verdictOf('010-1234-5678', {}, off).decision).toBe('publish');
  });
});

describe('personal.email', () => {
  it.each([
    ['kim@naver.com'],
    ['KIM.Jisoo+news@Gmail.COM'],
    ['메일은 lee_99@daum.net 입니다'],
    ['ｋｉｍ＠ｎａｖｅｒ．ｃｏｍ'],
    ['kim at naver dot com'],
    ['kim (at) naver (dot) com'],
    ['kim[at]gmail[dot]com'],
    ['kim 골뱅이 naver 닷컴'],
    ['kim@naver 닷컴'],
    ['park at korea dot co dot kr'],
  ])('holds %j as personal.email', (text) => {
    const verdict = verdictOf(text);
    expect(verdict.decision).toBe('hold');
    expect(rulesFired(verdict)).toEqual(['personal.email']);
  });

  it.each([['look at this'], ['meet at noon'], ['the dot com bubble'], ['@reporter 좋은 기사'], ['a@b']])('publishes %j (no e-mail address)', (text) => {
    expect(rulesFired(verdictOf(text))).not.toContain('personal.email');
  });

  it('catches only plain addresses when spelled-out detection is off', () => {
    const policy = compilePolicy(aDefinition((d) => (d.detectors.email.spelledOut = false)));
    expect(verdictOf('kim at naver dot com', {}, policy).decision).toBe('publish');
    expect(verdictOf('kim@naver.com', {}, policy).decision).toBe('hold');
  });
});

describe('personal.rrn', () => {
  it.each([
    ['900101-1234567'],
    ['900101 1234567'],
    ['9001011234567'],
    ['000229-3123456'],
    ['051231-4000000'],
    ['201015-7123456'],
    ['주민번호 850505-2345678 입니다'],
    ['951225-5123458'],
  ])('rejects %j as personal.rrn (a valid date and gender digit, no checksum required)', (text) => {
    const verdict = verdictOf(text);
    expect(verdict.decision).toBe('reject');
    expect(rulesFired(verdict)).toContain('personal.rrn');
  });

  it.each([['901301-1234567'], ['900230-1234567'], ['010229-3123456'], ['900101-9234567'], ['900101-0234567'], ['900101-123456']])(
    'publishes %j (impossible date, gender digit or length)',
    (text) => {
      expect(rulesFired(verdictOf(text))).not.toContain('personal.rrn');
    },
  );

  it.each([
    [0, 2, 29, 3, true],
    [0, 2, 29, 1, false],
    [1, 2, 29, 3, false],
    [99, 12, 31, 2, true],
    [99, 4, 31, 1, false],
    [50, 6, 15, 9, false],
  ])('reads %i-%i-%i with gender digit %i as a valid birth date: %s', (yy, mm, dd, g, valid) => {
    expect(isResidentNumberDate(yy, mm, dd, g)).toBe(valid);
  });
});

describe('personal.card', () => {
  it.each([
    ['4111 1111 1111 1111'],
    ['4111-1111-1111-1111'],
    ['4111111111111111'],
    ['5500 0000 0000 0004'],
    ['3782 822463 10005'],
    ['6011 0009 9013 9424'],
    ['2221 0000 0000 0009'],
    ['카드번호 4012888888881881 입니다'],
  ])('rejects %j as personal.card (Luhn-valid)', (text) => {
    const verdict = verdictOf(text);
    expect(verdict.decision).toBe('reject');
    expect(rulesFired(verdict)).toContain('personal.card');
  });

  it.each([['4111 1111 1111 1112'], ['2020 2021 2022 2023'], ['1234 5678 9012 3456'], ['411 11111 1111 1111'], ['1950 1953 1960 1987']])(
    'publishes %j (fails Luhn, issuer or grouping)',
    (text) => {
      expect(rulesFired(verdictOf(text))).not.toContain('personal.card');
    },
  );

  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['4111111111111111', true],
  ])('checks the Luhn sum of %s: %s', (digits, valid) => {
    expect(passesLuhn(digits)).toBe(valid);
  });

  it('accepts Amex grouping 4-6-5 and refuses a random grouping', () => {
    expect(looksLikeCardNumber('3782 822463 10005')).toBe(true);
    expect(looksLikeCardNumber('37 8282246310005')).toBe(false);
  });
});
