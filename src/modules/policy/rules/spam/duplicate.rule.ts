import type { EvaluationInput } from '@/modules/policy/engine/evaluation-input.js';
import { duplicateKey } from '@/modules/policy/engine/normalize/normalize-for-matching.js';
import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const SPAM_DUPLICATE = 'spam.duplicate';

/** The skeleton without spaces, read straight from the buffers of the comment under evaluation. */
function keyOfInput(input: EvaluationInput): string {
  const s = input.skeleton;
  let key = '';
  for (let i = 0; i < s.length; i++) if (s.cp[i] !== 0x20) key += String.fromCodePoint(s.cp[i]!);
  return key;
}

const similarLength = (a: number, b: number): boolean => a <= 2 * b + 10 && b <= 2 * a + 10;

export const spamDuplicateRule: RuleFactory = (definition) => {
  const settings = definition.detectors.duplicate;
  if (!settings.enabled) return null;
  const windowMs = settings.windowSeconds * 1000;
  return {
    id: SPAM_DUPLICATE,
    apply(input, reasons) {
      const recent = input.context.recentComments;
      if (recent.length === 0) return;
      const since = input.context.now.getTime() - windowMs;
      let key: string | undefined;
      for (const comment of recent) {
        if (comment.postedAt.getTime() < since) continue;
        // Cheap pre-check before normalising an old body: the same words, however spaced or disguised,
        // stay well within twice the length of each other.
        if (comment.key === undefined && !similarLength(comment.body.length, input.text.length)) continue;
        key ??= keyOfInput(input);
        if (key.length < settings.minLength) return;
        if ((comment.key ?? duplicateKey(comment.body)) !== key) continue;
        reasons.push(
          makeReason(definition, SPAM_DUPLICATE, settings.action, {
            en: 'You posted the same comment a short while ago.',
            ko: '조금 전에 같은 내용의 댓글을 작성했습니다.',
          }),
        );
        return;
      }
    },
  };
};
