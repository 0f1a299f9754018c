import { isSyllable, SYLLABLE_FIRST } from '../normalize/hangul.js';

// Hashed sparse features of a comment's skeleton (the disguise-normalised text), shared by the
// training script and the policy engine so both see exactly the same features:
//
// - characters: n-grams of 1 to `charMaxN` code points, words padded with a space on both sides;
// - jamo: Hangul syllables split into their letters (a silent ㅇ dropped, finals read as the same
//   consonant as initials), n-grams of `jamoMinN` to `jamoMaxN` letters (trigrams by default: bigrams
//   mostly repeat what the syllables say, and cost as much), so a new spelling of a word
//   ("씨발" "시빨" "십알") still shares most of its features with the old one;
// - words: each word and each pair of neighbouring words.
//
// Every feature keeps the skeleton positions it came from, so a score can be explained by the
// words that raised it.

export interface FeatureConfig {
  hashBits: number;
  charMaxN: number;
  jamoMinN: number;
  jamoMaxN: number;
  words: boolean;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { hashBits: 20, charMaxN: 3, jamoMinN: 3, jamoMaxN: 3, words: true };

const SPACE = 0x20;
const SEED_CHAR = 0x9e3779b1;
const SEED_JAMO = 0x85ebca77;
const SEED_WORD = 0xc2b2ae3d;
const SEED_PAIR = 0x27d4eb2f;

// Jamo as small codes: 1–19 the consonants of initials (finals mapped onto them), 20–40 the vowels.
const INITIAL_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 0, 13, 14, 15, 16, 17, 18, 19];
// Finals (1–27) as initial codes; clusters as their first consonant then their second.
const FINAL_CODES: ReadonlyArray<readonly number[]> = [
  [],
  [1],
  [2],
  [1, 10],
  [3],
  [3, 13],
  [3, 19],
  [4],
  [6],
  [6, 1],
  [6, 7],
  [6, 8],
  [6, 10],
  [6, 17],
  [6, 18],
  [6, 19],
  [7],
  [8],
  [8, 10],
  [10],
  [11],
  [12],
  [13],
  [15],
  [16],
  [17],
  [18],
  [19],
];
// Compatibility jamo (U+3131–U+3163) typed on their own, as codes of the same alphabet.
const COMPAT_CONSONANT_CODES = new Map<number, number>([...'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'].map((ch, i) => [ch.codePointAt(0)!, i + 1]));

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x01000193);
  return h ^ (h >>> 15);
}

/** Fibonacci hashing: the top bits of the product, a bucket in [0, 2^bits). */
function bucketOf(h: number, shift: number): number {
  return Math.imul(h ^ (h >>> 16), 0x9e3779b1) >>> shift;
}

/** Each syllable's jamo codes, up to four of them a byte each, the count in the top byte. */
const SYLLABLE_JAMO = new Int32Array(11172);
for (let s = 0; s < SYLLABLE_JAMO.length; s++) {
  const codes: number[] = [];
  const initial = INITIAL_CODES[(s / 588) | 0]!;
  if (initial !== 0) codes.push(initial);
  codes.push(20 + (((s / 28) | 0) % 21));
  codes.push(...FINAL_CODES[s % 28]!);
  let packed = codes.length << 24;
  codes.forEach((code, i) => (packed |= code << (8 * i)));
  SYLLABLE_JAMO[s] = packed;
}

/**
 * The features of one text, as parallel arrays reused from one text to the next: bucket, and the
 * skeleton positions [start, end) it covers. Not re-entrant: one instance per caller.
 */
export class FeatureBuffer {
  length = 0;
  bucket = new Int32Array(4096);
  start = new Int32Array(4096);
  end = new Int32Array(4096);
  private readonly shift: number;
  private jamo = new Int32Array(1024);
  private jamoPos = new Int32Array(1024);

  constructor(readonly config: FeatureConfig = DEFAULT_FEATURE_CONFIG) {
    this.shift = 32 - config.hashBits;
  }

  /** Extracts the features of `cp[0..length)`, a skeleton: words separated by one space. */
  extract(cp: Int32Array, length: number): void {
    this.length = 0;
    if (length === 0) return;
    const { charMaxN, jamoMinN, jamoMaxN, words } = this.config;
    this.reserve(length * (charMaxN + 2 * jamoMaxN + 2) + 16);
    this.charGrams(cp, length, charMaxN);
    if (jamoMaxN >= 2) this.jamoGrams(cp, length, Math.max(jamoMinN, 2), jamoMaxN);
    if (words) this.wordGrams(cp, length);
  }

  // The loops below keep the buffers in locals and write each feature inline: this is most of the
  // classifier's cost per comment.

  private charGrams(cp: Int32Array, length: number, maxN: number): void {
    const { bucket, start, end, shift } = this;
    let n = this.length;
    // The text padded with a space on both sides: padded position k is skeleton position k - 1.
    const last = length + 1;
    for (let i = 0; i <= last; i++) {
      const first = i === 0 || i === last ? SPACE : cp[i - 1]!;
      let h = mix(SEED_CHAR, first);
      const from = i === 0 ? 0 : i - 1;
      if (first !== SPACE) {
        bucket[n] = bucketOf(mix(h, 1), shift);
        start[n] = from;
        end[n++] = i;
      }
      for (let g = 2; g <= maxN && i + g - 1 <= last; g++) {
        const k = i + g - 1;
        const c = k === last ? SPACE : cp[k - 1]!;
        h = mix(h, c);
        bucket[n] = bucketOf(mix(h, g), shift);
        start[n] = from;
        end[n++] = k < length ? k : length;
        // A gram may begin or end at a word's edge, never cross it.
        if (c === SPACE) break;
      }
    }
    this.length = n;
  }

  private jamoGrams(cp: Int32Array, length: number, minN: number, maxN: number): void {
    let m = 0;
    if (this.jamo.length < length * 4 + 2) {
      this.jamo = new Int32Array(length * 4 + 2);
      this.jamoPos = new Int32Array(length * 4 + 2);
    }
    const jamo = this.jamo;
    const pos = this.jamoPos;
    for (let i = 0; i < length; i++) {
      const c = cp[i]!;
      if (isSyllable(c)) {
        const packed = SYLLABLE_JAMO[c - SYLLABLE_FIRST]!;
        const count = packed >>> 24;
        for (let k = 0; k < count; k++) {
          jamo[m] = (packed >>> (8 * k)) & 0xff;
          pos[m++] = i;
        }
      } else if (c >= 0x3131 && c <= 0x3163) {
        const code = c >= 0x314f ? 20 + (c - 0x314f) : (COMPAT_CONSONANT_CODES.get(c) ?? 0);
        if (code !== 0 || (m > 0 && jamo[m - 1] !== 0)) {
          jamo[m] = code;
          pos[m++] = i;
        }
      } else if (m > 0 && jamo[m - 1] !== 0) {
        // Anything else ends a run of Hangul.
        jamo[m] = 0;
        pos[m++] = i;
      }
    }
    const { bucket, start, end, shift } = this;
    let n = this.length;
    for (let i = 0; i < m; i++) {
      const first = jamo[i]!;
      if (first === 0) continue;
      let h = mix(SEED_JAMO, first);
      const from = pos[i]!;
      for (let g = 2; g <= maxN && i + g - 1 < m; g++) {
        const j = jamo[i + g - 1]!;
        if (j === 0) break;
        h = mix(h, j);
        if (g < minN) continue;
        bucket[n] = bucketOf(mix(h, g), shift);
        start[n] = from;
        end[n++] = pos[i + g - 1]! + 1;
      }
    }
    this.length = n;
  }

  private wordGrams(cp: Int32Array, length: number): void {
    const { bucket, start, end, shift } = this;
    let n = this.length;
    let previous = 0;
    let previousStart = -1;
    let i = 0;
    while (i < length) {
      while (i < length && cp[i] === SPACE) i++;
      if (i >= length) break;
      const wordStart = i;
      let h = SEED_WORD;
      while (i < length && cp[i] !== SPACE) h = mix(h, cp[i++]!);
      bucket[n] = bucketOf(h, shift);
      start[n] = wordStart;
      end[n++] = i;
      if (previousStart >= 0) {
        bucket[n] = bucketOf(mix(mix(SEED_PAIR, previous), h), shift);
        start[n] = previousStart;
        end[n++] = i;
      }
      previous = h;
      previousStart = wordStart;
    }
    this.length = n;
  }

  private reserve(capacity: number): void {
    if (this.bucket.length >= capacity) return;
    let size = this.bucket.length;
    while (size < capacity) size *= 2;
    this.bucket = new Int32Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
  }
}
