import { DIGIT, JAMO_CONSONANT, JAMO_VOWEL, LATIN, OTHER_LETTER, SPACE, SYLLABLE, SYMBOL, charClass, isHangulClass, type CharClass } from './char-class.js';
import { composeJamoInPlace } from './compose-jamo.js';
import { FOLD_SEVERAL, foldCodePoint, foldedSequence } from './fold-code-point.js';
import { isJamoVowel } from './hangul.js';
import { leetLetter, leetNeedsLetterOnBothSides } from './leet.js';
import { SpannedBuffer } from './spanned-buffer.js';

/**
 * Turns a comment into the two forms the policy reads, reusing its buffers from one comment to the next:
 *
 * - `folded`: every code point folded (NFKC, lower case, look-alikes, invisible characters gone);
 *   detectors for phone numbers, links and the like read this.
 * - `skeleton`: the folded text as words for term matching: separators inside words removed ("시.발",
 *   "f*u*c*k"), single letters spaced out joined ("f u c k", "시 발"), digits and symbols read as the
 *   letters they stand for in Latin words ("sh1t") and dropped between Hangul ("시1발"), spelled-out jamo
 *   recomposed ("ㅅㅣㅂㅏㄹ" → "시발"), one space between words.
 *
 * Every code point of both keeps the span of the original text it came from, so matches can be shown
 * where the author typed them. Not re-entrant: one instance per caller.
 */
export class TextNormalizer {
  readonly folded = new SpannedBuffer();
  readonly skeleton = new SpannedBuffer();
  foldedClass = new Uint8Array(512);
  /** True when folding changed more than ASCII letter case, so detectors must read `folded`. */
  foldChangedText = false;
  /** Invisible code points folding dropped (zero-width characters, combining marks stacked into "zalgo"). */
  droppedCount = 0;
  /** Upper- and lower-case Latin letters of the original, ASCII and full-width (Hangul has no case). */
  upperLatinCount = 0;
  lowerLatinCount = 0;
  private wordHasJamoVowel = false;

  normalize(text: string): void {
    this.fold(text);
    this.buildSkeleton();
  }

  fold(text: string): void {
    const out = this.folded;
    const length = text.length;
    out.reserve(length);
    if (this.foldedClass.length < out.cp.length) this.foldedClass = new Uint8Array(out.cp.length);
    let classes = this.foldedClass;
    let n = 0;
    let changed = false;
    let dropped = 0;
    let upper = 0;
    let lower = 0;
    for (let i = 0; i < length;) {
      let c = text.charCodeAt(i);
      let width = 1;
      let f: number;
      let cls: number;
      if (c < 0x80) {
        // ASCII and precomposed Hangul are most of every comment: fold them without the tables.
        if (c >= 0x41 && c <= 0x5a) {
          upper++;
          f = c + 0x20;
          cls = LATIN;
        } else {
          if (c >= 0x61 && c <= 0x7a) lower++;
          f = c;
          cls = charClass(c);
        }
      } else if (c >= 0xac00 && c <= 0xd7a3) {
        f = c;
        cls = SYLLABLE;
      } else {
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
          const low = text.charCodeAt(i + 1);
          if (low >= 0xdc00 && low <= 0xdfff) {
            c = ((c - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
            width = 2;
          }
        }
        if (c >= 0xff21 && c <= 0xff3a) upper++;
        else if (c >= 0xff41 && c <= 0xff5a) lower++;
        f = foldCodePoint(c);
        if (f !== c) changed = true;
        if (f === FOLD_SEVERAL) {
          out.length = n;
          const seq = foldedSequence(c);
          for (let k = 0; k < seq.length; k++) out.push(seq[k]!, i, i + width);
          out.reserve(out.length + length - i);
          if (this.foldedClass.length < out.cp.length) {
            const grown = new Uint8Array(out.cp.length);
            grown.set(classes);
            this.foldedClass = classes = grown;
          }
          for (; n < out.length; n++) classes[n] = charClass(out.cp[n]!);
          i += width;
          continue;
        }
        if (f < 0) {
          dropped++;
          i += width;
          continue;
        }
        cls = charClass(f);
      }
      out.cp[n] = f;
      out.start[n] = i;
      out.end[n] = i + width;
      classes[n] = cls;
      n++;
      i += width;
    }
    out.length = n;
    this.foldChangedText = changed;
    this.droppedCount = dropped;
    this.upperLatinCount = upper;
    this.lowerLatinCount = lower;
  }

  private buildSkeleton(): void {
    const f = this.folded;
    const k = this.foldedClass;
    const n = f.length;
    const out = this.skeleton;
    out.length = 0;
    // A run of one-letter words ("f u c k", "ㅅ ㅣ ㅂ ㅏ ㄹ") is joined into one word, recomposed once complete.
    let previousWasSingleLetter = false;
    let runStart = 0;
    let runLength = 0;
    let runHasJamoVowel = false;
    let i = 0;
    while (i < n) {
      if (k[i] === SPACE) {
        i++;
        continue;
      }
      let j = i;
      let hasLatin = false;
      while (j < n && k[j] !== SPACE) {
        if (k[j] === LATIN) hasLatin = true;
        j++;
      }
      const spaceAt = out.length;
      if (spaceAt > 0) out.push(0x20, f.start[i]!, f.start[i]!);
      let wordStart = out.length;
      this.wordHasJamoVowel = false;
      for (let p = i; p < j; p++) {
        const cls = k[p]!;
        if (cls === SYLLABLE || cls === LATIN || cls === JAMO_CONSONANT || cls === OTHER_LETTER) {
          const c = f.cp[p]!;
          out.push(c === 0x6c ? 0x69 : c, f.start[p]!, f.end[p]!);
        } else {
          this.emitWordChar(p, i, j, wordStart, hasLatin);
        }
      }
      if (this.wordHasJamoVowel) out.length = composeJamoInPlace(out, wordStart, out.length);
      i = j;
      const wordLength = out.length - wordStart;
      if (wordLength === 0) {
        out.length = spaceAt;
        continue;
      }
      const letter = out.cp[wordStart]!;
      const single = wordLength === 1 && isLetter(charClass(letter));
      if (single && previousWasSingleLetter) {
        out.cp[spaceAt] = letter;
        out.start[spaceAt] = out.start[wordStart]!;
        out.end[spaceAt] = out.end[wordStart]!;
        out.length = spaceAt + 1;
        runLength++;
        if (isJamoVowel(letter)) runHasJamoVowel = true;
      } else {
        wordStart -= this.closeRun(runStart, runLength, runHasJamoVowel, spaceAt);
        runStart = wordStart;
        runLength = single ? 1 : 0;
        runHasJamoVowel = single && isJamoVowel(letter);
      }
      previousWasSingleLetter = single;
    }
    this.closeRun(runStart, runLength, runHasJamoVowel, out.length);
  }

  /** Recomposes a finished run of joined one-letter words; returns how many positions it shrank by. */
  private closeRun(runStart: number, runLength: number, hasJamoVowel: boolean, runEnd: number): number {
    if (runLength < 2 || !hasJamoVowel) return 0;
    const out = this.skeleton;
    const composedEnd = composeJamoInPlace(out, runStart, runEnd);
    const shrink = runEnd - composedEnd;
    if (shrink > 0) {
      out.cp.copyWithin(composedEnd, runEnd, out.length);
      out.start.copyWithin(composedEnd, runEnd, out.length);
      out.end.copyWithin(composedEnd, runEnd, out.length);
      out.length -= shrink;
    }
    return shrink;
  }

  private emitWordChar(p: number, wordFrom: number, wordTo: number, emittedFrom: number, hasLatin: boolean): void {
    const f = this.folded;
    const k = this.foldedClass;
    const out = this.skeleton;
    const c = f.cp[p]!;
    const cls = k[p]! as CharClass;
    if (cls === DIGIT) {
      if (hasLatin) {
        const letter = leetLetter(c);
        out.push(letter >= 0 ? letter : c, f.start[p]!, f.end[p]!);
      } else if (!(this.emittedHangulLast(emittedFrom) && this.nextLetterIsHangul(p, wordTo))) {
        out.push(c, f.start[p]!, f.end[p]!);
      }
      return;
    }
    if (cls === SYMBOL) {
      if (hasLatin && this.symbolReadsAsLetter(c, p, wordFrom, wordTo)) out.push(leetLetter(c), f.start[p]!, f.end[p]!);
      return;
    }
    if (cls === JAMO_VOWEL) this.wordHasJamoVowel = true;
    out.push(c, f.start[p]!, f.end[p]!);
  }

  private emittedHangulLast(emittedFrom: number): boolean {
    const out = this.skeleton;
    return out.length > emittedFrom && isHangulClass(charClass(out.cp[out.length - 1]!));
  }

  private nextLetterIsHangul(p: number, wordTo: number): boolean {
    const k = this.foldedClass;
    let q = p + 1;
    while (q < wordTo && (k[q] === DIGIT || k[q] === SYMBOL)) q++;
    return q < wordTo && isHangulClass(k[q]! as CharClass);
  }

  private symbolReadsAsLetter(c: number, p: number, wordFrom: number, wordTo: number): boolean {
    if (leetLetter(c) < 0) return false;
    const before = p > wordFrom && this.readsAsLatin(p - 1);
    const after = p + 1 < wordTo && this.readsAsLatin(p + 1);
    return leetNeedsLetterOnBothSides(c) ? before && after : before || after;
  }

  private readsAsLatin(q: number): boolean {
    const cls = this.foldedClass[q]!;
    return cls === LATIN || ((cls === DIGIT || cls === SYMBOL) && leetLetter(this.folded.cp[q]!) >= 0);
  }
}

const isLetter = (cls: CharClass): boolean => cls !== SPACE && cls !== SYMBOL && cls !== DIGIT;
