import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { patternRule } from '../pattern-rule.js';
import { maskPersonalData } from './mask.js';

export const PERSONAL_CARD = 'personal.card';

const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes in use (Visa, Mastercard incl. 2221–2720, Amex, Diners, JCB, Discover, UnionPay, Korean domestic 9). */
function hasIssuerPrefix(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  if (first === 2) {
    const four = Number(digits.slice(0, 4));
    return four >= 2221 && four <= 2720;
  }
  return (first >= 3 && first <= 6) || first === 9;
}

/** Card numbers are written in one block or in groups of 4 (4-6-5 / 4-6-4 for Amex and Diners). */
function hasCardGrouping(written: string): boolean {
  const groups = written.split(/[ -]/).map((g) => g.length);
  if (groups.length === 1) return true;
  if (groups.length === 3 && groups[0] === 4 && groups[1] === 6) return groups[2] === 5 || groups[2] === 4;
  return groups.every((g, i) => (i < groups.length - 1 ? g === 4 : g >= 1 && g <= 4));
}

export function looksLikeCardNumber(written: string): boolean {
  const digits = written.replace(/[ -]/g, '');
  if (digits.length < 13 || digits.length > 19) return false;
  return hasIssuerPrefix(digits) && hasCardGrouping(written) && passesLuhn(digits);
}

export const personalCardRule: RuleFactory = (definition) => {
  const settings = definition.detectors.card;
  if (!settings.enabled) return null;
  return patternRule(definition, {
    id: PERSONAL_CARD,
    action: settings.action,
    pattern: CARD_CANDIDATE,
    accept: (m) => looksLikeCardNumber(m[0]),
    present: maskPersonalData,
    messages: {
      en: 'Your comment appears to contain a payment card number. Never post one publicly.',
      ko: '카드번호로 보이는 숫자가 포함되어 있습니다. 카드번호는 절대 공개하지 마세요.',
    },
  });
};
