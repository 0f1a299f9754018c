import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const ARTICLE_PREMODERATION = 'article.premoderation';

export const articlePremoderationRule: RuleFactory = (definition) => ({
  id: ARTICLE_PREMODERATION,
  apply(input, reasons) {
    if (!input.context.article.premoderation) return;
    reasons.push(
      makeReason(definition, ARTICLE_PREMODERATION, definition.premoderation.action, {
        en: 'Comments on this article are reviewed before they appear.',
        ko: '이 기사의 댓글은 검토 후 게시됩니다.',
      }),
    );
  },
});
