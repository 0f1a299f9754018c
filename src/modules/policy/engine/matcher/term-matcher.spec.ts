import { describe, expect, it } from '@jest/globals';
import { TextNormalizer } from '../normalize/text-normalizer.js';
import { TermMatcher, UnmatchableTermError, type TermListInput } from './term-matcher.js';

function hitsOf(lists: TermListInput[], text: string): string[] {
  const matcher = new TermMatcher(lists);
  const normalizer = new TextNormalizer();
  normalizer.normalize(text);
  return matcher.findHits(normalizer.skeleton).map((hit) => `${hit.kind}:${hit.term}`);
}

const banned = (...entries: string[]): TermListInput => ({ kind: 'banned', entries });
const allow = (...entries: string[]): TermListInput => ({ kind: 'allow', entries });

describe('TermMatcher', () => {
  it.each([['바보야'], ['바보들'], ['바보가'], ['이 바보같은'], ['넌바보']])('matches a plain Korean term followed by particles and endings: %j', (text) => {
    expect(hitsOf([banned('바보')], text)).toEqual(['banned:바보']);
  });

  it.each([
    ['바보야', true],
    ['바보들이', true],
    ['바보', true],
    ['바보상자', false],
  ])('matches "<바보>" only as a word with particles: %j → %s', (text, matches) => {
    expect(hitsOf([banned('<바보>')], text).length > 0).toBe(matches);
  });

  it.each([
    ['ass', true],
    ['asses', true],
    ['you ass!', true],
    ['asssss', true],
    ['as', false],
    ['class', false],
    ['assess', false],
    ['assets', false],
    ['pass', false],
  ])('matches "<ass>" as a word with inflections only: %j → %s', (text, matches) => {
    expect(hitsOf([banned('<ass>')], text).length > 0).toBe(matches);
  });

  it.each([
    ['wanker', true],
    ['wanking', true],
    ['swank', false],
  ])('matches "<wank" at a word start only: %j → %s', (text, matches) => {
    expect(hitsOf([banned('<wank')], text).length > 0).toBe(matches);
  });

  it('treats a change of script as a word boundary ("너ass")', () => {
    expect(hitsOf([banned('<ass>')], '너ass')).toEqual(['banned:<ass>']);
  });

  it('does not treat digits as a word boundary ("5개년")', () => {
    expect(hitsOf([banned('<개년')], '5개년 계획')).toEqual([]);
    expect(hitsOf([banned('<개년')], '이 개년아')).toEqual(['banned:<개년']);
  });

  it('collapses stretched letters on both sides but keeps a term’s own doubled letters', () => {
    expect(hitsOf([banned('fuck')], 'fuuuuuck')).toEqual(['banned:fuck']);
    expect(hitsOf([banned('<ass>')], 'a s')).toEqual([]);
  });

  it('suppresses a term inside an allow-listed word', () => {
    expect(hitsOf([banned('cunt'), allow('scunthorpe')], 'I live in Scunthorpe')).toEqual([]);
  });

  it('still reports the same term outside the allow-listed word', () => {
    expect(hitsOf([banned('cunt'), allow('scunthorpe')], 'scunthorpe cunt')).toEqual(['banned:cunt']);
  });

  it('rejects a term that normalises to nothing', () => {
    expect(() => new TermMatcher([banned('!!!')])).toThrow(UnmatchableTermError);
  });

  it('reports overlapping terms separately', () => {
    expect(hitsOf([banned('씨발', '씨발놈')], '씨발놈아').sort()).toEqual(['banned:씨발', 'banned:씨발놈']);
  });
});
