import type { RuleFactory } from '@/modules/policy/engine/rule.js';
import { accountNewRule } from './account/new.rule.js';
import { accountWatchedRule } from './account/watched.rule.js';
import { articlePremoderationRule } from './article/premoderation.rule.js';
import { classifierAbuseRule } from './classifier/abuse.rule.js';
import { floodRepeatRule } from './flood/repeat.rule.js';
import { floodShoutingRule } from './flood/shouting.rule.js';
import { linksUrlRule } from './links/url.rule.js';
import { personalCardRule } from './personal/card.rule.js';
import { personalEmailRule } from './personal/email.rule.js';
import { personalPhoneRule } from './personal/phone.rule.js';
import { personalResidentNumberRule } from './personal/resident-number.rule.js';
import { profanityBannedRule } from './profanity/banned.rule.js';
import { profanityInitialsRule } from './profanity/initials.rule.js';
import { profanitySuspectRule } from './profanity/suspect.rule.js';
import { quotaArticleRule } from './quota/article.rule.js';
import { quotaDailyRule } from './quota/daily.rule.js';
import { spamDuplicateRule } from './spam/duplicate.rule.js';

/** Every rule, in the order reasons are listed: what the author can change first, then who and where. */
export const RULE_FACTORIES: readonly RuleFactory[] = [
  profanityBannedRule,
  profanitySuspectRule,
  profanityInitialsRule,
  classifierAbuseRule,
  personalPhoneRule,
  personalEmailRule,
  personalResidentNumberRule,
  personalCardRule,
  linksUrlRule,
  floodRepeatRule,
  floodShoutingRule,
  spamDuplicateRule,
  quotaDailyRule,
  quotaArticleRule,
  accountNewRule,
  accountWatchedRule,
  articlePremoderationRule,
];
