import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { termRule } from './term-rule.js';

export const PROFANITY_BANNED = 'profanity.banned';

export const profanityBannedRule: RuleFactory = (definition) =>
  definition.terms.banned.length === 0
    ? null
    : termRule(
        definition,
        PROFANITY_BANNED,
        { banned: 'reject' },
        {
          en: 'Your comment contains language the Standards Board does not allow.',
          ko: '운영 원칙상 허용되지 않는 욕설이나 비하 표현이 포함되어 있습니다.',
        },
      );
