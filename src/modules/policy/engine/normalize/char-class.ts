// What a folded code point is to the normaliser. Plain numbers (not an enum) so the hot loops compare integers.
export const SPACE = 1;
export const LATIN = 2; // a–z only: the letters leetspeak and shouting are about
export const SYLLABLE = 3;
export const JAMO_CONSONANT = 4;
export const JAMO_VOWEL = 5;
export const OTHER_LETTER = 6;
export const DIGIT = 7;
export const SYMBOL = 8;
export type CharClass = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const WHITESPACE = /\s/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

function classify(c: number): CharClass {
  if (c >= 0x61 && c <= 0x7a) return LATIN;
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if (c >= 0xac00 && c <= 0xd7a3) return SYLLABLE;
  if (c >= 0x3131 && c <= 0x314e) return JAMO_CONSONANT;
  if (c >= 0x314f && c <= 0x3163) return JAMO_VOWEL;
  const s = String.fromCodePoint(c);
  if (WHITESPACE.test(s)) return SPACE;
  return LETTER_OR_NUMBER.test(s) ? OTHER_LETTER : SYMBOL;
}

const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, CharClass>();

export function charClass(c: number): CharClass {
  if (c < 0x10000) {
    const known = bmpClass[c]!;
    if (known !== 0) return known as CharClass;
    const computed = classify(c);
    bmpClass[c] = computed;
    return computed;
  }
  let known = astralClass.get(c);
  if (known === undefined) {
    known = classify(c);
    astralClass.set(c, known);
  }
  return known;
}

export const isHangulClass = (k: CharClass): boolean => k === SYLLABLE || k === JAMO_CONSONANT || k === JAMO_VOWEL;
