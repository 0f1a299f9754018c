import { TextNormalizer } from './text-normalizer.js';

export interface NormalizedText {
  /** The matching form: folded, disguises undone, one space between words. Never shown to anyone. */
  text: string;
  /** For each UTF-16 unit of `text`, where its source begins and ends in the original (UTF-16 units). */
  start: number[];
  end: number[];
}

const normalizer = new TextNormalizer();

/** The form terms are matched against; idempotent: `normalizeForMatching(n.text).text === n.text`. */
export function normalizeForMatching(original: string): NormalizedText {
  normalizer.normalize(original);
  const s = normalizer.skeleton;
  let text = '';
  const start: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = String.fromCodePoint(s.cp[i]!);
    text += ch;
    for (let u = 0; u < ch.length; u++) {
      start.push(s.start[i]!);
      end.push(s.end[i]!);
    }
  }
  return { text, start, end };
}

/** Two comments with the same key say the same thing, however they are spaced, cased or disguised. */
export function duplicateKey(original: string): string {
  normalizer.normalize(original);
  const s = normalizer.skeleton;
  let key = '';
  for (let i = 0; i < s.length; i++) if (s.cp[i] !== 0x20) key += String.fromCodePoint(s.cp[i]!);
  return key;
}
