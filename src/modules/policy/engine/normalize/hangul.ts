// Hangul arithmetic on compatibility jamo (U+3131–U+3163), the form people type when they spell a word out.

export const SYLLABLE_FIRST = 0xac00;
export const SYLLABLE_LAST = 0xd7a3;
export const JAMO_CONSONANT_FIRST = 0x3131;
export const JAMO_CONSONANT_LAST = 0x314e;
export const JAMO_VOWEL_FIRST = 0x314f;
export const JAMO_VOWEL_LAST = 0x3163;

const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const FINALS = ' ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ';
const VOWEL_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['ㅗ', 'ㅏ', 'ㅘ'],
  ['ㅗ', 'ㅐ', 'ㅙ'],
  ['ㅗ', 'ㅣ', 'ㅚ'],
  ['ㅜ', 'ㅓ', 'ㅝ'],
  ['ㅜ', 'ㅔ', 'ㅞ'],
  ['ㅜ', 'ㅣ', 'ㅟ'],
  ['ㅡ', 'ㅣ', 'ㅢ'],
];
const FINAL_PAIRS: ReadonlyArray<readonly [string, string, string]> = [
  ['ㄱ', 'ㅅ', 'ㄳ'],
  ['ㄴ', 'ㅈ', 'ㄵ'],
  ['ㄴ', 'ㅎ', 'ㄶ'],
  ['ㄹ', 'ㄱ', 'ㄺ'],
  ['ㄹ', 'ㅁ', 'ㄻ'],
  ['ㄹ', 'ㅂ', 'ㄼ'],
  ['ㄹ', 'ㅅ', 'ㄽ'],
  ['ㄹ', 'ㅌ', 'ㄾ'],
  ['ㄹ', 'ㅍ', 'ㄿ'],
  ['ㄹ', 'ㅎ', 'ㅀ'],
  ['ㅂ', 'ㅅ', 'ㅄ'],
];

const cp = (s: string): number => s.codePointAt(0) ?? 0;
const CONSONANT_COUNT = JAMO_CONSONANT_LAST - JAMO_CONSONANT_FIRST + 1;

/** Index in INITIALS, or -1 for consonants that cannot start a syllable (clusters such as ㄳ). */
const initialIndex = new Int8Array(CONSONANT_COUNT).fill(-1);
/** Index in FINALS (1-based), or 0 for consonants that cannot end one (ㄸ ㅃ ㅉ). */
const finalIndex = new Int8Array(CONSONANT_COUNT);
for (let i = 0; i < INITIALS.length; i++) initialIndex[cp(INITIALS[i]!) - JAMO_CONSONANT_FIRST] = i;
for (let i = 1; i < FINALS.length; i++) finalIndex[cp(FINALS[i]!) - JAMO_CONSONANT_FIRST] = i;

const vowelPair = new Map<number, number>(VOWEL_PAIRS.map(([a, b, ab]) => [cp(a) * 0x10000 + cp(b), cp(ab)]));
const finalPair = new Map<number, number>(FINAL_PAIRS.map(([a, b, ab]) => [cp(a) * 0x10000 + cp(b), cp(ab)]));
/** Cluster jamo (ㄺ, ㅄ …) split in two, so that "ㅄ" and "ㅂㅅ" read the same. */
export const CLUSTER_PARTS = new Map<number, readonly [number, number]>(FINAL_PAIRS.map(([a, b, ab]) => [cp(ab), [cp(a), cp(b)] as const]));

export const isSyllable = (c: number): boolean => c >= SYLLABLE_FIRST && c <= SYLLABLE_LAST;
export const isJamoConsonant = (c: number): boolean => c >= JAMO_CONSONANT_FIRST && c <= JAMO_CONSONANT_LAST;
export const isJamoVowel = (c: number): boolean => c >= JAMO_VOWEL_FIRST && c <= JAMO_VOWEL_LAST;

export const canStartSyllable = (c: number): boolean => isJamoConsonant(c) && initialIndex[c - JAMO_CONSONANT_FIRST]! >= 0;
export const canEndSyllable = (c: number): boolean => isJamoConsonant(c) && finalIndex[c - JAMO_CONSONANT_FIRST]! > 0;

export function composeSyllable(initial: number, vowel: number, final: number): number {
  const l = initialIndex[initial - JAMO_CONSONANT_FIRST]!;
  const v = vowel - JAMO_VOWEL_FIRST;
  const t = final === 0 ? 0 : finalIndex[final - JAMO_CONSONANT_FIRST]!;
  return SYLLABLE_FIRST + (l * 21 + v) * 28 + t;
}

/** The compound vowel of two vowels (ㅗ+ㅏ → ㅘ), or 0. */
export const combineVowels = (a: number, b: number): number => vowelPair.get(a * 0x10000 + b) ?? 0;
/** The cluster final of two consonants (ㄹ+ㄱ → ㄺ), or 0. */
export const combineFinals = (a: number, b: number): number => finalPair.get(a * 0x10000 + b) ?? 0;

const CONJOINING_INITIALS = INITIALS; // U+1100…U+1112 follow the same order
const CONJOINING_FINALS = FINALS.slice(1); // U+11A8…U+11C2 likewise

/** Conjoining jamo (what NFKC produces from compatibility jamo) back to the compatibility form, or 0. */
export function conjoiningToCompatibility(c: number): number {
  if (c >= 0x1100 && c <= 0x1112) return cp(CONJOINING_INITIALS[c - 0x1100]!);
  if (c >= 0x1161 && c <= 0x1175) return JAMO_VOWEL_FIRST + (c - 0x1161);
  if (c >= 0x11a8 && c <= 0x11c2) return cp(CONJOINING_FINALS[c - 0x11a8]!);
  return 0;
}
