import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { termRule } from './term-rule.js';

export const PROFANITY_SUSPECT = 'profanity.suspect';

export const profanitySuspectRule: RuleFactory = (definition) =>
  definition.terms.suspect.length === 0
    ? null
    : termRule(
        definition,
        PROFANITY_SUSPECT,
        { suspect: 'hold' },
        {
          en: 'Your comment contains words a moderator will read in context before it appears.',
          ko: '맥락 확인이 필요한 표현이 있어 운영자 검토 후 게시됩니다.',
        },
      );
