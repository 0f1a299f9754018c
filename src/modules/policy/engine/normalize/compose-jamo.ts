import { canEndSyllable, canStartSyllable, combineFinals, combineVowels, composeSyllable, isJamoConsonant, isJamoVowel } from './hangul.js';
import type { SpannedBuffer } from './spanned-buffer.js';

/**
 * Recomposes the jamo in positions [from, readEnd) of `w` into syllables, in place, and returns where the
 * composed text ends: ㅅㅣㅂㅏㄹ → 시발. Lone consonants stay ("ㅅㅂ"), and so do syllables typed whole
 * ("좋아ㅋㅋ" keeps its laugh). Each jamo yields at most one output, written only after it was read, so
 * writing over the range as it is read is safe.
 */
export function composeJamoInPlace(w: SpannedBuffer, from: number, readEnd: number): number {
  let written = from;
  const put = (c: number, start: number, end: number): void => {
    w.cp[written] = c;
    w.start[written] = start;
    w.end[written] = end;
    written++;
  };
  let initial = 0;
  let vowel = 0;
  let final1 = 0;
  let final2 = 0;
  let syllableFrom = 0;
  let to = 0;
  let vowelEnd = 0;
  let final1Start = 0;
  let final1End = 0;
  let final2Start = 0;
  const flush = (): void => {
    if (initial !== 0 && vowel !== 0) {
      const final = final2 !== 0 ? combineFinals(final1, final2) : final1;
      put(composeSyllable(initial, vowel, final), syllableFrom, to);
    } else if (initial !== 0) {
      put(initial, syllableFrom, to);
    }
    initial = vowel = final1 = final2 = 0;
  };
  for (let q = from; q < readEnd; q++) {
    const c = w.cp[q]!;
    const start = w.start[q]!;
    const end = w.end[q]!;
    if (isJamoConsonant(c)) {
      if (initial !== 0 && vowel !== 0) {
        if (final1 === 0 && canEndSyllable(c)) {
          final1 = c;
          final1Start = start;
          to = final1End = end;
          continue;
        }
        if (final1 !== 0 && final2 === 0 && combineFinals(final1, c) !== 0) {
          final2 = c;
          final2Start = start;
          to = end;
          continue;
        }
      }
      flush();
      if (canStartSyllable(c)) {
        initial = c;
        syllableFrom = start;
        to = end;
      } else {
        put(c, start, end);
      }
    } else if (isJamoVowel(c)) {
      if (initial !== 0 && vowel === 0) {
        vowel = c;
        to = vowelEnd = end;
      } else if (initial !== 0 && final1 === 0 && combineVowels(vowel, c) !== 0) {
        vowel = combineVowels(vowel, c);
        to = vowelEnd = end;
      } else if (initial !== 0 && final1 !== 0) {
        // The final consonant was really the next syllable's initial: 바 + ㄹ + ㅏ → 바라.
        let moved: number;
        let movedStart: number;
        if (final2 !== 0) {
          moved = final2;
          movedStart = final2Start;
          final2 = 0;
          to = final1End;
        } else {
          moved = final1;
          movedStart = final1Start;
          final1 = 0;
          to = vowelEnd;
        }
        flush();
        initial = moved;
        syllableFrom = movedStart;
        vowel = c;
        to = vowelEnd = end;
      } else {
        flush();
        put(c, start, end);
      }
    } else {
      flush();
      put(c, start, end);
    }
  }
  flush();
  return written;
}
