import { describe, expect, it } from '@jest/globals';
import { TextNormalizer } from '../normalize/text-normalizer.js';
import { DEFAULT_FEATURE_CONFIG, FeatureBuffer, type FeatureConfig } from './features.js';

const normalizer = new TextNormalizer();

function featuresOf(text: string, config: FeatureConfig = DEFAULT_FEATURE_CONFIG): { buckets: number[]; spans: [number, number][]; length: number } {
  normalizer.normalize(text);
  const f = new FeatureBuffer(config);
  f.extract(normalizer.skeleton.cp, normalizer.skeleton.length);
  return {
    buckets: Array.from(f.bucket.subarray(0, f.length)),
    spans: Array.from({ length: f.length }, (_, i) => [f.start[i]!, f.end[i]!] as [number, number]),
    length: normalizer.skeleton.length,
  };
}

const JAMO_ONLY: FeatureConfig = { hashBits: 20, charMaxN: 1, jamoMinN: 2, jamoMaxN: 4, words: false };
const CHARACTERS_ONLY: FeatureConfig = { hashBits: 20, charMaxN: 4, jamoMinN: 2, jamoMaxN: 0, words: false };

function shared(a: readonly number[], b: readonly number[]): number {
  const inB = new Set(b);
  return new Set(a.filter((x) => inB.has(x))).size;
}

describe('classifier features', () => {
  it('are the same for the same text, each bucket inside the hash space and each span inside the text', () => {
    const text = '이 정부는 정말 무능하다 ㅋㅋ and a bit of English';
    const first = featuresOf(text);
    expect(featuresOf(text).buckets).toEqual(first.buckets);
    expect(first.buckets.length).toBeGreaterThan(100);
    for (const bucket of first.buckets) expect(bucket >>> DEFAULT_FEATURE_CONFIG.hashBits).toBe(0);
    for (const [start, end] of first.spans) {
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(first.length);
    }
  });

  it('never let a character n-gram cross a space: two words have the features of each word', () => {
    const both = new Set(featuresOf('ab cd', CHARACTERS_ONLY).buckets);
    const each = new Set([...featuresOf('ab', CHARACTERS_ONLY).buckets, ...featuresOf('cd', CHARACTERS_ONLY).buckets]);
    expect(both).toEqual(each);
  });

  it('read a silent ㅇ as nothing, so "십알" has every jamo n-gram of "시발"', () => {
    const jamoOf = (text: string) => featuresOf(text, JAMO_ONLY).buckets;
    // 5 jamo (ㅅㅣㅂㅏㄹ): 4 bigrams, 3 trigrams, 2 four-grams.
    expect(shared(jamoOf('십알'), jamoOf('시발'))).toBeGreaterThanOrEqual(9);
  });

  it('give a new spelling most of the features of the old one, and an unrelated word few', () => {
    const base = featuresOf('개새끼').buckets;
    const respelled = featuresOf('개새기').buckets;
    const unrelated = featuresOf('대통령').buckets;
    expect(shared(base, respelled)).toBeGreaterThan(3 * shared(base, unrelated));
  });

  it('also come from typed-out jamo, as the same letters a syllable splits into', () => {
    const typed = featuresOf('ㅋㅋ', JAMO_ONLY).buckets;
    expect(typed.length).toBeGreaterThan(0);
  });

  it.each([
    ['250 × "ㅋ"', 'ㅋ'.repeat(250)],
    ['emoji only', '🙂'.repeat(125)],
    ['mixed scripts', 'абв 漢字 한국어 English ١٢٣ 🇰🇷'.repeat(8)],
    ['only spaces and symbols', '!? '.repeat(80)],
  ])('stay bounded by the length of the text for %s', (_, text) => {
    const { buckets, length } = featuresOf(text);
    const { charMaxN, jamoMaxN } = DEFAULT_FEATURE_CONFIG;
    expect(buckets.length).toBeLessThanOrEqual((length + 2) * (charMaxN + 2 * jamoMaxN + 2));
  });

  it('are none for an empty text', () => {
    expect(featuresOf('').buckets).toEqual([]);
  });
});
