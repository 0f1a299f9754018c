import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { patternRule } from '../pattern-rule.js';
import { maskPersonalData } from './mask.js';

export const PERSONAL_RRN = 'personal.rrn';

// YYMMDD-GNNNNNN. Numbers issued since October 2020 end in random digits, so the old check digit is never
// required: a real birth date and a gender digit 1–8 are the whole test.
const RRN = /(?<!\d)(\d{2})(\d{2})(\d{2})[\s-]{0,2}([1-8])\d{6}(?!\d)/g;

const CENTURY_OF_GENDER_DIGIT = [0, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000];

export function isResidentNumberDate(yy: number, mm: number, dd: number, genderDigit: number): boolean {
  const century = CENTURY_OF_GENDER_DIGIT[genderDigit];
  if (century === undefined || century === 0 || mm < 1 || mm > 12 || dd < 1) return false;
  const year = century + yy;
  const daysInMonth = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return dd <= daysInMonth;
}

export const personalResidentNumberRule: RuleFactory = (definition) => {
  const settings = definition.detectors.residentNumber;
  if (!settings.enabled) return null;
  return patternRule(definition, {
    id: PERSONAL_RRN,
    action: settings.action,
    pattern: RRN,
    accept: (m) => isResidentNumberDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])),
    present: maskPersonalData,
    messages: {
      en: 'Your comment appears to contain a resident registration number. Never post one publicly.',
      ko: '주민등록번호로 보이는 숫자가 포함되어 있습니다. 주민등록번호는 절대 공개하지 마세요.',
    },
  });
};
