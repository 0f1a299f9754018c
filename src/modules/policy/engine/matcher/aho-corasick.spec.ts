import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AhoCorasick } from './aho-corasick.js';

const codePoints = (s: string): Int32Array => Int32Array.from([...s].map((c) => c.codePointAt(0)!));

/** Every (pattern, end index) found by feeding `text` through the automaton. */
function scan(patterns: string[], text: string): string[] {
  const ac = new AhoCorasick(patterns.map(codePoints));
  const found: string[] = [];
  let state = 0;
  [...text].forEach((ch, i) => {
    state = ac.step(state, ac.symbolOf(ch.codePointAt(0)!));
    for (let s = ac.firstOutputState(state); s >= 0; s = ac.nextOutputState(s)) {
      for (let p = ac.patternsAt(s); p >= 0; p = ac.nextSamePattern(p)) found.push(`${p}@${i}`);
    }
  });
  return found.sort();
}

function naive(patterns: string[], text: string): string[] {
  const chars = [...text];
  const found: string[] = [];
  patterns.forEach((pattern, p) => {
    const pc = [...pattern];
    if (pc.length === 0) return;
    for (let end = pc.length - 1; end < chars.length; end++) {
      if (pc.every((c, j) => chars[end - pc.length + 1 + j] === c)) found.push(`${p}@${end}`);
    }
  });
  return found.sort();
}

describe('AhoCorasick', () => {
  it.each([
    [['he', 'she', 'his', 'hers'], 'ushers'],
    [['시발', '시발점', '발'], '시발점에서'],
    [['a', 'aa', 'aaa'], 'aaaa'],
    [['same', 'same'], 'the same'],
    [['𝐟𝐮', '𝐮𝐜'], '𝐟𝐮𝐜𝐤'],
  ])('finds every occurrence of %j in %j, overlapping ones included', (patterns, text) => {
    expect(scan(patterns, text)).toEqual(naive(patterns, text));
  });

  it('finds nothing when no pattern occurs', () => {
    expect(scan(['fuck', '씨발'], '평범한 댓글입니다')).toEqual([]);
  });

  it('agrees with a naive search on random patterns and texts', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c', '가', '나', 'ㅅ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 40 }), (patterns, text) => {
        expect(scan(patterns, text.join(''))).toEqual(naive(patterns, text.join('')));
      }),
      { numRuns: 2000 },
    );
  });
});
