import { languageOf } from '@/modules/policy/engine/classifier/abuse-model.js';
import { sharedAbuseModel } from '@/modules/policy/engine/classifier/shipped-model.js';
import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const CLASSIFIER_ABUSE = 'classifier.abuse';

/**
 * The built-in classifier's score against the policy's thresholds for the comment's language. The
 * reason carries the score and, as its matches, the words that raised it most, so a moderator sees
 * why; explaining reuses the features
 * the score was computed from, and is paid only by the comments it holds.
 */
export const classifierAbuseRule: RuleFactory = (definition) => {
  const settings = definition.classifier;
  if (!settings.enabled) return null;
  const model = sharedAbuseModel();
  return {
    id: CLASSIFIER_ABUSE,
    apply(input, reasons) {
      const skeleton = input.skeleton;
      const thresholds = settings[languageOf(skeleton)];
      const allowed = input.allowedSpans();
      const score = model.score(skeleton, allowed);
      const action = thresholds.rejectAt !== null && score >= thresholds.rejectAt ? 'reject' : score >= thresholds.holdAt ? 'hold' : null;
      if (action === null) return;
      const matches = model.explainScored(skeleton, settings.explainTop).map((span) => input.matchInSkeleton(span.start, span.end));
      const reason = makeReason(
        definition,
        CLASSIFIER_ABUSE,
        action,
        {
          en: 'An automatic check found your comment may be insulting or abusive; a moderator will read it.',
          ko: '자동 검사에서 모욕적이거나 공격적인 표현일 가능성이 높게 나타나, 운영자가 확인합니다.',
        },
        matches,
      );
      reason.score = Math.round(score * 1000) / 1000;
      reasons.push(reason);
    },
  };
};
