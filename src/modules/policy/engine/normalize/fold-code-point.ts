import { CONFUSABLES } from './confusables.js';
import { CLUSTER_PARTS, conjoiningToCompatibility, isJamoConsonant, isJamoVowel, isSyllable } from './hangul.js';

// Folding one code point: NFKC, lower case, diacritics and invisible characters dropped, look-alike letters
// mapped to Latin, Hangul kept in compatibility-jamo form. Memoised per code point, because NFKC on a
// one-character string costs far more than a table look-up and a comment reuses the same few hundred.

// Format characters and marks (the combining grapheme joiner and the Mongolian vowel separator among
// them), and the Hangul fillers, which Unicode counts as letters.
const INVISIBLE = /[\p{Cf}\p{M}\u115f\u1160\u3164\uffa0]/u;
const CONTROL_NOT_SPACE = /[^\P{Cc}\s]/u;
const EMPTY = new Int32Array(0);

function foldOnce(c: number): number[] {
  if (c < 0x80) return [c >= 0x41 && c <= 0x5a ? c + 0x20 : c];
  if (isSyllable(c) || isJamoVowel(c)) return [c];
  if (isJamoConsonant(c)) {
    const parts = CLUSTER_PARTS.get(c);
    return parts ? [parts[0], parts[1]] : [c];
  }
  const jamo = conjoiningToCompatibility(c);
  if (jamo !== 0) return foldOnce(jamo);
  const single = String.fromCodePoint(c);
  if (INVISIBLE.test(single) || CONTROL_NOT_SPACE.test(single)) return [];
  const out: number[] = [];
  for (const ch of single.normalize('NFKC').toLowerCase()) {
    const x = ch.codePointAt(0)!;
    if (x !== c && (isSyllable(x) || isJamoConsonant(x) || isJamoVowel(x) || conjoiningToCompatibility(x) !== 0)) {
      out.push(...foldOnce(x));
      continue;
    }
    for (const base of ch.normalize('NFD')) {
      if (INVISIBLE.test(base)) continue;
      const mapped = CONFUSABLES.get(base) ?? base;
      for (const m of mapped) out.push(m.codePointAt(0)!);
    }
  }
  return out;
}

function foldToFixpoint(c: number): Int32Array {
  let current = foldOnce(c);
  for (let round = 0; round < 4; round++) {
    const next = current.flatMap(foldOnce);
    if (next.length === current.length && next.every((x, i) => x === current[i])) break;
    current = next;
  }
  return current.length === 0 ? EMPTY : Int32Array.from(current);
}

/** For BMP code points: 0 unknown, -1 dropped, -2 several code points (see `multi`), else folded + 1. */
const bmpSingle = new Int32Array(0x10000);
const multi = new Map<number, Int32Array>();
const DROPPED = -1;
const SEVERAL = -2;

/**
 * The folded form of `c`: a single code point as a non-negative number, or -1 when the character is
 * dropped, or -2 when it folds to several code points (read them with `foldedSequence`).
 */
export function foldCodePoint(c: number): number {
  if (c < 0x10000) {
    const known = bmpSingle[c]!;
    if (known > 0) return known - 1;
    if (known < 0) return known;
    const seq = foldToFixpoint(c);
    const code = seq.length === 0 ? DROPPED : seq.length === 1 ? seq[0]! + 1 : SEVERAL;
    if (code === SEVERAL) multi.set(c, seq);
    bmpSingle[c] = code;
    return code > 0 ? code - 1 : code;
  }
  let seq = multi.get(c);
  if (seq === undefined) {
    seq = foldToFixpoint(c);
    multi.set(c, seq);
  }
  return seq.length === 1 ? seq[0]! : seq.length === 0 ? DROPPED : SEVERAL;
}

export function foldedSequence(c: number): Int32Array {
  return multi.get(c) ?? EMPTY;
}

export const FOLD_SEVERAL = SEVERAL;
