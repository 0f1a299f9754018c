import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const QUOTA_ARTICLE = 'quota.article';

export const quotaArticleRule: RuleFactory = (definition) => {
  const settings = definition.quotas.perArticle;
  if (!settings.enabled) return null;
  const messages = {
    en: `You have reached the limit of ${settings.limit} comments on this article.`,
    ko: `이 기사에 작성할 수 있는 댓글 수(${settings.limit}개)를 모두 사용했습니다.`,
  };
  return {
    id: QUOTA_ARTICLE,
    apply(input, reasons) {
      if (input.context.author.postedOnArticle < settings.limit) return;
      reasons.push(makeReason(definition, QUOTA_ARTICLE, settings.action, messages));
    },
  };
};
