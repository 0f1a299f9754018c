import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { termRule } from './term-rule.js';

export const PROFANITY_INITIALS = 'profanity.initials';

export const profanityInitialsRule: RuleFactory = (definition) =>
  definition.terms.initialsBanned.length + definition.terms.initialsSuspect.length === 0
    ? null
    : termRule(
        definition,
        PROFANITY_INITIALS,
        { initialsBanned: 'reject', initialsSuspect: 'hold' },
        {
          en: 'Your comment contains profanity abbreviated to initial consonants.',
          ko: '초성으로 줄여 쓴 욕설이 포함되어 있습니다.',
        },
      );
