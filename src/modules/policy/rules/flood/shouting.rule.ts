import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';

export const FLOOD_SHOUTING = 'flood.shouting';

export const floodShoutingRule: RuleFactory = (definition) => {
  const settings = definition.detectors.shouting;
  if (!settings.enabled) return null;
  return {
    id: FLOOD_SHOUTING,
    apply(input, reasons) {
      const { upper, lower } = input.latinCase;
      const letters = upper + lower;
      if (letters < settings.minLetters || upper < letters * settings.upperRatio) return;
      reasons.push(
        makeReason(definition, FLOOD_SHOUTING, settings.action, {
          en: 'Your comment is written mostly in capital letters.',
          ko: '영문 대문자 위주로 작성되어 있습니다.',
        }),
      );
    },
  };
};
