import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const ACCOUNT_NEW = 'account.new';

export const accountNewRule: RuleFactory = (definition) => {
  const settings = definition.newAccount;
  if (!settings.enabled) return null;
  return {
    id: ACCOUNT_NEW,
    apply(input, reasons) {
      const { author } = input.context;
      // Regulars earned their way out (or a moderator let them out); trusted and watched authors have rules of their own.
      if (author.trust !== 'new') return;
      const amongFirst = author.priorComments < settings.firstComments;
      const tooYoung = author.accountAgeDays < settings.minAccountAgeDays;
      if (!amongFirst && !tooYoung) return;
      reasons.push(
        makeReason(definition, ACCOUNT_NEW, settings.action, {
          en: 'Comments from new accounts are reviewed before they appear.',
          ko: '새 계정의 댓글은 검토 후 게시됩니다.',
        }),
      );
    },
  };
};
