import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { patternRule } from '../pattern-rule.js';
import { maskPersonalData } from './mask.js';

export const PERSONAL_EMAIL = 'personal.email';

// The look-behind stops the engine from retrying inside a run of word characters, which keeps a long
// "aaaa…" comment linear.
const LOCAL = String.raw`(?<![a-z0-9._%+\-])[a-z0-9._%+\-]+`;
const PLAIN = String.raw`${LOCAL}@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}`;
const AT = String.raw`\s*(?:\(at\)|\[at\]|\{at\}|<at>|골뱅이)\s*|\s+at\s+`;
const DOT = String.raw`\s*(?:\(dot\)|\[dot\]|\{dot\}|<dot>|닷|쩜)\s*|\s+dot\s+`;
const TLD = String.raw`(?:com|net|org|kr|io|me|co(?:(?:${DOT}|\.)kr)?)`;
const SPELLED = String.raw`${LOCAL}(?:${AT})[a-z0-9\-]+(?:(?:${DOT}|\.)[a-z0-9\-]+)*?(?:${DOT})${TLD}(?![a-z])`;
const KOREAN_DOT_COM = String.raw`${LOCAL}(?:@|${AT})[a-z0-9\-]+\s*닷컴`;

const PLAIN_ONLY = new RegExp(PLAIN, 'gi');
const WITH_SPELLED = new RegExp(`${PLAIN}|${SPELLED}|${KOREAN_DOT_COM}`, 'gi');
const SPELLED_HINT = /@|\bat\b|\(at\)|\[at\]|골뱅이/i;

export const personalEmailRule: RuleFactory = (definition) => {
  const settings = definition.detectors.email;
  if (!settings.enabled) return null;
  return patternRule(definition, {
    id: PERSONAL_EMAIL,
    action: settings.action,
    pattern: settings.spelledOut ? WITH_SPELLED : PLAIN_ONLY,
    mayContain: settings.spelledOut ? (text) => SPELLED_HINT.test(text) : (text) => text.includes('@'),
    present: maskPersonalData,
    messages: {
      en: 'Your comment contains an e-mail address. Please do not share contact details in comments.',
      ko: '이메일 주소가 포함되어 있습니다. 댓글에 연락처를 남기지 마세요.',
    },
  });
};
