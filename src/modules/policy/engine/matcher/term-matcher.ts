import { DIGIT, LATIN, charClass, isHangulClass } from '../normalize/char-class.js';
import type { SpannedBuffer } from '../normalize/spanned-buffer.js';
import { TextNormalizer } from '../normalize/text-normalizer.js';
import { AhoCorasick } from './aho-corasick.js';
import { parseTermEntry } from './term-entry.js';
import { WORD_ENDINGS } from './word-endings.js';

export type TermKind = 'banned' | 'suspect' | 'initialsBanned' | 'initialsSuspect' | 'allow';
export const TERM_KINDS: readonly TermKind[] = ['banned', 'suspect', 'initialsBanned', 'initialsSuspect', 'allow'];

export interface TermListInput {
  kind: TermKind;
  entries: readonly string[];
}

/** A term the normaliser reduces to nothing (e.g. "!!!") can never match; the policy must not keep it. */
export class UnmatchableTermError extends Error {
  constructor(readonly entries: readonly string[]) {
    super(`These terms contain no letters or digits once normalised: ${entries.join(', ')}`);
  }
}

/** One match, in skeleton positions [start, end). */
export interface TermHit {
  kind: TermKind;
  term: string;
  start: number;
  end: number;
}

const MAX_RAW_HITS = 512;

/**
 * Every term list of a policy in ONE automaton. Terms and text pass through the same normaliser, then
 * letter runs are collapsed on both sides ("fuuuuck" reads as "fuck"); a term's own doubled letters are kept
 * as minimum run lengths, so "<ass>" still needs two s's and never matches the word "as".
 */
export class TermMatcher {
  private readonly automaton: AhoCorasick;
  private readonly kinds: TermKind[] = [];
  private readonly terms: string[] = [];
  private readonly atWordStart: boolean[] = [];
  private readonly atWordEnd: boolean[] = [];
  /** Per pattern, the minimum run length of each collapsed letter, or null when every run is 1. */
  private readonly minRuns: (Uint16Array | null)[] = [];
  private runStart = new Int32Array(512);
  private runLength = new Int32Array(512);
  private readonly rawPattern = new Int32Array(MAX_RAW_HITS);
  private readonly rawEnd = new Int32Array(MAX_RAW_HITS);

  constructor(lists: readonly TermListInput[]) {
    const normalizer = new TextNormalizer();
    const patterns: Int32Array[] = [];
    const unmatchable: string[] = [];
    for (const { kind, entries } of lists) {
      for (const entry of entries) {
        const parsed = parseTermEntry(entry);
        normalizer.normalize(parsed.body);
        const collapsed = collapseRuns(normalizer.skeleton);
        if (collapsed.codePoints.length === 0) {
          unmatchable.push(entry);
          continue;
        }
        patterns.push(collapsed.codePoints);
        this.kinds.push(kind);
        this.terms.push(entry);
        this.atWordStart.push(parsed.atWordStart);
        this.atWordEnd.push(parsed.atWordEnd);
        this.minRuns.push(collapsed.minRuns);
      }
    }
    if (unmatchable.length > 0) throw new UnmatchableTermError(unmatchable);
    this.automaton = new AhoCorasick(patterns);
  }

  get patternCount(): number {
    return this.kinds.length;
  }

  /**
   * Term hits in `skeleton` that no allow-list hit covers, in order of their end. The allow-list hits
   * go into `allowed` as [start, end) pairs when it is given.
   */
  findHits(skeleton: SpannedBuffer, allowed: number[] = []): TermHit[] {
    const rawCount = this.scan(skeleton);
    if (rawCount === 0) return [];
    const candidates: TermHit[] = [];
    for (let h = 0; h < rawCount; h++) {
      const pattern = this.rawPattern[h]!;
      const lastRun = this.rawEnd[h]!;
      const firstRun = lastRun - this.automaton.patternLengths[pattern]! + 1;
      if (!this.runsAreLongEnough(pattern, firstRun)) continue;
      const start = this.runStart[firstRun]!;
      const end = this.runStart[lastRun]! + this.runLength[lastRun]!;
      const kind = this.kinds[pattern]!;
      if (kind === 'allow') {
        allowed.push(start, end);
        continue;
      }
      if (this.atWordStart[pattern] && !startsWord(skeleton, start)) continue;
      if (this.atWordEnd[pattern] && !endsWord(skeleton, end)) continue;
      candidates.push({ kind, term: this.terms[pattern]!, start, end });
    }
    if (allowed.length === 0) return candidates;
    return candidates.filter((hit) => !isCovered(hit, allowed));
  }

  private scan(skeleton: SpannedBuffer): number {
    const n = skeleton.length;
    if (this.runStart.length < n) {
      this.runStart = new Int32Array(n * 2);
      this.runLength = new Int32Array(n * 2);
    }
    const cps = skeleton.cp;
    const runStart = this.runStart;
    const runLength = this.runLength;
    const ac = this.automaton;
    let state = 0;
    let runs = 0;
    let previous = -1;
    let hits = 0;
    for (let i = 0; i < n; i++) {
      const c = cps[i]!;
      if (c === previous) {
        runLength[runs - 1]!++;
        continue;
      }
      previous = c;
      runStart[runs] = i;
      runLength[runs] = 1;
      state = ac.step(state, ac.symbolOf(c));
      for (let s = ac.firstOutputState(state); s >= 0; s = ac.nextOutputState(s)) {
        for (let p = ac.patternsAt(s); p >= 0; p = ac.nextSamePattern(p)) {
          if (hits === MAX_RAW_HITS) return hits;
          this.rawPattern[hits] = p;
          this.rawEnd[hits] = runs;
          hits++;
        }
      }
      runs++;
    }
    return hits;
  }

  private runsAreLongEnough(pattern: number, firstRun: number): boolean {
    const needed = this.minRuns[pattern];
    if (!needed) return true;
    for (let j = 0; j < needed.length; j++) {
      if (this.runLength[firstRun + j]! < needed[j]!) return false;
    }
    return true;
  }
}

function collapseRuns(skeleton: SpannedBuffer): { codePoints: Int32Array; minRuns: Uint16Array | null } {
  const codePoints: number[] = [];
  const runs: number[] = [];
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.cp[i]!;
    if (codePoints.length > 0 && codePoints[codePoints.length - 1] === c) runs[runs.length - 1]!++;
    else {
      codePoints.push(c);
      runs.push(1);
    }
  }
  return {
    codePoints: Int32Array.from(codePoints),
    minRuns: runs.some((r) => r > 1) ? Uint16Array.from(runs) : null,
  };
}

/** Latin, Hangul and other letters count as different scripts: "너ass" has a word boundary before "ass". */
function script(c: number): number {
  const cls = charClass(c);
  if (cls === LATIN) return 1;
  return isHangulClass(cls) ? 2 : 3;
}

/**
 * A space or a change of script separates words. Digits never do: "5개년" (five-year) is one word, so "<개년"
 * does not match inside it.
 */
function isBoundaryBetween(skeleton: SpannedBuffer, before: number, after: number): boolean {
  if (before < 0 || after >= skeleton.length) return true;
  const a = skeleton.cp[before]!;
  const b = skeleton.cp[after]!;
  if (a === 0x20 || b === 0x20) return true;
  if (charClass(a) === DIGIT || charClass(b) === DIGIT) return false;
  return script(a) !== script(b);
}

function startsWord(skeleton: SpannedBuffer, start: number): boolean {
  return isBoundaryBetween(skeleton, start - 1, start);
}

function endsWord(skeleton: SpannedBuffer, end: number): boolean {
  if (isBoundaryBetween(skeleton, end - 1, end)) return true;
  for (const ending of WORD_ENDINGS) {
    if (end + ending.length > skeleton.length) continue;
    let same = true;
    for (let j = 0; j < ending.length && same; j++) same = skeleton.cp[end + j] === ending[j];
    if (same && isBoundaryBetween(skeleton, end + ending.length - 1, end + ending.length)) return true;
  }
  return false;
}

function isCovered(hit: TermHit, allowed: readonly number[]): boolean {
  for (let a = 0; a < allowed.length; a += 2) {
    if (allowed[a]! <= hit.start && allowed[a + 1]! >= hit.end) return true;
  }
  return false;
}
