import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { patternRule } from '../pattern-rule.js';
import { maskPersonalData } from './mask.js';

export const PERSONAL_PHONE = 'personal.phone';

// Between any two digits: up to three of space, dot or dash, so "010 1234 5678", "010.1234.5678",
// "01012345678" and "0 1 0 - 1 2 3 4 - 5 6 7 8" all read as one number.
const GAP = String.raw`[\s.\-]{0,3}`;
const digits = (min: number, max: number): string => String.raw`(?:${GAP}\d){${min},${max}}`;
const KOREAN_MOBILE = String.raw`0${GAP}1${GAP}[016789]${digits(7, 8)}`;
const SEOUL = String.raw`\(?0${GAP}2\)?${digits(7, 8)}`;
// 031–064 regional, 070 internet phones, 050x personal numbers, 080 free-phone.
const REGIONAL = String.raw`\(?0${GAP}(?:[3-6]${GAP}[1-5]|7${GAP}0|8${GAP}0|5${GAP}0${GAP}\d)\)?${digits(7, 8)}`;
const INTERNATIONAL = String.raw`\+\s?[1-9](?:[\s.\-()]{0,2}\d){7,14}`;
// A mobile number read out in Sino-Korean numerals to slip past digit filters: "공일공 일이삼사 오육칠팔".
const KOREAN_DIGIT = '[공영일이삼사오육륙칠팔구]';
const KOREAN_NUMERAL_MOBILE = String.raw`(?<!${KOREAN_DIGIT})공${GAP}일${GAP}[공영일육칠팔구](?:${GAP}${KOREAN_DIGIT}){7,8}(?!${KOREAN_DIGIT})`;

const PHONE = new RegExp(String.raw`(?:(?<![\d+])(?:${KOREAN_MOBILE}|${SEOUL}|${REGIONAL})|${INTERNATIONAL})(?!\d)|${KOREAN_NUMERAL_MOBILE}`, 'g');

export const personalPhoneRule: RuleFactory = (definition) => {
  const settings = definition.detectors.phone;
  if (!settings.enabled) return null;
  return patternRule(definition, {
    id: PERSONAL_PHONE,
    action: settings.action,
    pattern: PHONE,
    present: maskPersonalData,
    messages: {
      en: 'Your comment contains a phone number. Please do not share contact details in comments.',
      ko: '전화번호가 포함되어 있습니다. 댓글에 연락처를 남기지 마세요.',
    },
  });
};
