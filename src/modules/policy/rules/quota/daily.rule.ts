import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const QUOTA_DAILY = 'quota.daily';

export const quotaDailyRule: RuleFactory = (definition) => {
  const settings = definition.quotas.daily;
  if (!settings.enabled) return null;
  const messages = {
    en: `You have reached the limit of ${settings.limit} comments a day.`,
    ko: `하루에 작성할 수 있는 댓글 수(${settings.limit}개)를 모두 사용했습니다.`,
  };
  return {
    id: QUOTA_DAILY,
    apply(input, reasons) {
      if (input.context.author.postedToday < settings.limit) return;
      reasons.push(makeReason(definition, QUOTA_DAILY, settings.action, messages));
    },
  };
};
