import type { EvaluationInput } from '@/modules/policy/engine/evaluation-input.js';
import { makeReason, type RuleFactory } from '@/modules/policy/engine/rule.js';
import type { SpannedBuffer } from '@/modules/policy/engine/normalize/spanned-buffer.js';
import type { TextMatch } from '@/modules/policy/engine/verdict.js';

export const FLOOD_REPEAT = 'flood.repeat';

/** A word counts as flooding only where it makes up this share of the words, so "the" in a long comment does not. */
const DOMINANT_SHARE = 0.4;

/**
 * The first stretch longer than `limit` where a unit of 1–4 characters repeats ("ㅋㅋㅋ", "ㅋㅎㅋㅎ", "!!!!"),
 * as [start, end), or null. One pass keeps, for each period, how many characters in a row equal the one
 * that many places back.
 */
export function findRepeatLongerThan(buffer: SpannedBuffer, limit: number): [number, number] | null {
  const cps = buffer.cp;
  const n = buffer.length;
  let same1 = 0;
  let same2 = 0;
  let same3 = 0;
  let same4 = 0;
  for (let i = 1; i < n; i++) {
    const c = cps[i]!;
    same1 = c === cps[i - 1] ? same1 + 1 : 0;
    same2 = i >= 2 && c === cps[i - 2] ? same2 + 1 : 0;
    same3 = i >= 3 && c === cps[i - 3] ? same3 + 1 : 0;
    same4 = i >= 4 && c === cps[i - 4] ? same4 + 1 : 0;
    if (same1 + 1 > limit) return stretchAt(buffer, i, 1, same1);
    if (same2 + 2 > limit) return stretchAt(buffer, i, 2, same2);
    if (same3 + 3 > limit) return stretchAt(buffer, i, 3, same3);
    if (same4 + 4 > limit) return stretchAt(buffer, i, 4, same4);
  }
  return null;
}

/** The whole stretch of `period` that has run `same` characters up to `i`, extended to where it ends. */
function stretchAt(buffer: SpannedBuffer, i: number, period: number, same: number): [number, number] {
  let end = i + 1;
  while (end < buffer.length && buffer.cp[end] === buffer.cp[end - period]) end++;
  return [i - same - period + 1, end];
}

/**
 * The most frequent word of the skeleton and how often it occurs. Words are compared by a 32-bit hash and
 * counted in a small open-addressing table that is cleared by bumping a generation number, so counting
 * allocates nothing per comment.
 */
class WordCounter {
  private static readonly SLOTS = 512;
  private readonly keys = new Int32Array(WordCounter.SLOTS);
  private readonly counts = new Int32Array(WordCounter.SLOTS);
  private readonly firstStart = new Int32Array(WordCounter.SLOTS);
  private readonly generationOf = new Int32Array(WordCounter.SLOTS);
  private generation = 0;

  mostFrequent(skeleton: SpannedBuffer): { count: number; words: number; start: number } {
    this.generation++;
    const mask = WordCounter.SLOTS - 1;
    let words = 0;
    let best = 0;
    let bestStart = 0;
    let hash = 0x811c9dc5 | 0;
    let wordStart = 0;
    for (let i = 0; i <= skeleton.length; i++) {
      const c = i < skeleton.length ? skeleton.cp[i]! : 0x20;
      if (c !== 0x20) {
        hash = Math.imul(hash ^ c, 0x01000193);
        continue;
      }
      if (i > wordStart) {
        words++;
        let slot = hash & mask;
        // A full table (over 512 distinct words) cannot hold a flood worth reporting; stop counting new words.
        for (let probes = 0; probes <= mask; probes++, slot = (slot + 1) & mask) {
          if (this.generationOf[slot] !== this.generation) {
            this.generationOf[slot] = this.generation;
            this.keys[slot] = hash;
            this.counts[slot] = 0;
            this.firstStart[slot] = wordStart;
          } else if (this.keys[slot] !== hash) {
            continue;
          }
          const count = ++this.counts[slot]!;
          if (count > best) {
            best = count;
            bestStart = this.firstStart[slot]!;
          }
          break;
        }
      }
      hash = 0x811c9dc5 | 0;
      wordStart = i + 1;
    }
    return { count: best, words, start: bestStart };
  }
}

export const floodRepeatRule: RuleFactory = (definition) => {
  const settings = definition.detectors.repeat;
  if (!settings.enabled) return null;
  const counter = new WordCounter();
  const messages = {
    en: 'Your comment repeats the same characters or words too many times.',
    ko: '같은 글자나 단어를 지나치게 반복했습니다.',
  };
  const findFlood = (input: EvaluationInput): TextMatch | null => {
    // Stacked combining marks ("zalgo") fold away to nothing but still smear over the comments around them.
    if (input.invisibleCount > settings.maxCharRun) return { text: input.text, start: 0, end: input.text.length };
    const folded = input.folded;
    const stretch = folded.length > settings.maxCharRun ? findRepeatLongerThan(folded, settings.maxCharRun) : null;
    if (stretch) {
      const from = folded.start[stretch[0]]!;
      const to = folded.end[stretch[1] - 1]!;
      return { text: input.text.slice(from, to), start: from, end: to };
    }
    const skeleton = input.skeleton;
    const word = counter.mostFrequent(skeleton);
    if (word.count >= settings.maxWordRepeats && word.count >= word.words * DOMINANT_SHARE) {
      let end = word.start;
      while (end < skeleton.length && skeleton.cp[end] !== 0x20) end++;
      return input.matchInSkeleton(word.start, end);
    }
    return null;
  };
  return {
    id: FLOOD_REPEAT,
    apply(input, reasons) {
      const match = findFlood(input);
      if (match) reasons.push(makeReason(definition, FLOOD_REPEAT, settings.action, messages, [match]));
    },
  };
};
