import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const ACCOUNT_WATCHED = 'account.watched';

/** Authors a moderator put under watch (trust "watched") have every comment reviewed. */
export const accountWatchedRule: RuleFactory = (definition) => {
  const settings = definition.watchedAuthors;
  if (!settings.enabled) return null;
  return {
    id: ACCOUNT_WATCHED,
    apply(input, reasons) {
      if (input.context.author.trust !== 'watched') return;
      reasons.push(
        makeReason(definition, ACCOUNT_WATCHED, settings.action, {
          en: 'Your comments are reviewed before they appear.',
          ko: '회원님의 댓글은 검토 후 게시됩니다.',
        }),
      );
    },
  };
};
