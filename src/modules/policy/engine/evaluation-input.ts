import type { EvaluationContext } from './context.js';
import type { TermHit, TermMatcher } from './matcher/term-matcher.js';
import type { SpannedBuffer } from './normalize/spanned-buffer.js';
import type { TextNormalizer } from './normalize/text-normalizer.js';
import type { TextMatch } from './verdict.js';

/**
 * One comment under evaluation, with the views rules read, each computed at most once: the skeleton and its
 * term hits, and the text detectors scan (the original when folding changed nothing but case).
 */
export class EvaluationInput {
  private hits: TermHit[] | undefined;
  private readonly allowed: number[] = [];
  private detectorTextCache: string | undefined;
  private detectorStart: number[] | undefined;
  private detectorEnd: number[] | undefined;

  constructor(
    readonly text: string,
    readonly context: EvaluationContext,
    private readonly normalizer: TextNormalizer,
    private readonly matcher: TermMatcher,
  ) {
    normalizer.normalize(text);
  }

  get skeleton(): SpannedBuffer {
    return this.normalizer.skeleton;
  }

  get folded(): SpannedBuffer {
    return this.normalizer.folded;
  }

  /** Upper- and lower-case Latin letters of the original text (ASCII and full-width). */
  get latinCase(): { upper: number; lower: number } {
    return { upper: this.normalizer.upperLatinCount, lower: this.normalizer.lowerLatinCount };
  }

  /** How many invisible code points (zero-width characters, combining marks) the comment carries. */
  get invisibleCount(): number {
    return this.normalizer.droppedCount;
  }

  termHits(): TermHit[] {
    this.hits ??= this.matcher.findHits(this.normalizer.skeleton, this.allowed);
    return this.hits;
  }

  /** Skeleton spans of allow-listed words ("시발점", "scunthorpe"), as [start, end) pairs. */
  allowedSpans(): readonly number[] {
    this.termHits();
    return this.allowed;
  }

  /** Folded text for regex detectors (lower case, full-width digits as ASCII, zero-width characters gone). */
  detectorText(): string {
    if (this.detectorTextCache !== undefined) return this.detectorTextCache;
    if (!this.normalizer.foldChangedText) {
      this.detectorTextCache = this.text;
      return this.text;
    }
    const f = this.normalizer.folded;
    let s = '';
    const start: number[] = [];
    const end: number[] = [];
    for (let i = 0; i < f.length; i++) {
      const ch = String.fromCodePoint(f.cp[i]!);
      s += ch;
      for (let u = 0; u < ch.length; u++) {
        start.push(f.start[i]!);
        end.push(f.end[i]!);
      }
    }
    this.detectorTextCache = s;
    this.detectorStart = start;
    this.detectorEnd = end;
    return s;
  }

  /** The original-text match for [start, end) of `detectorText()`. */
  matchInDetectorText(start: number, end: number): TextMatch {
    if (!this.detectorStart || !this.detectorEnd || end <= start) return this.matchOf(start, end);
    return this.matchOf(this.detectorStart[start]!, this.detectorEnd[end - 1]!);
  }

  /** The original-text match for skeleton positions [start, end). */
  matchInSkeleton(start: number, end: number, term?: string): TextMatch {
    const s = this.normalizer.skeleton;
    const match = this.matchOf(s.start[start]!, s.end[end - 1]!);
    if (term !== undefined) match.term = term;
    return match;
  }

  private matchOf(start: number, end: number): TextMatch {
    return { text: this.text.slice(start, end), start, end };
  }
}
