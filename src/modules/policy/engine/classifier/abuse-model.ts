import type { SpannedBuffer } from '../normalize/spanned-buffer.js';
import { FeatureBuffer } from './features.js';
import type { ModelFile, ModelHeader } from './model-file.js';

/** A stretch of the skeleton that raised the score, with how much it added to the log-odds. */
export interface Contribution {
  start: number;
  end: number;
  weight: number;
}

export type ClassifierLanguage = 'ko' | 'en';

const MIN_SHARE_OF_STRONGEST = 0.25;

/**
 * Logistic regression over hashed character, jamo and word n-grams: the probability that a comment is
 * abusive, from its skeleton. Feature values are 1/√n for a text of n features, so a long comment is
 * not more abusive for being long. Loaded once, shared by every policy; not re-entrant (its scratch
 * buffers are reused), which the synchronous engine never needs.
 */
export class AbuseModel {
  readonly header: ModelHeader;
  private readonly weights: Int8Array;
  private readonly features: FeatureBuffer;
  private wordWeight = new Float64Array(256);

  constructor(file: ModelFile) {
    this.header = file.header;
    this.weights = file.weights;
    this.features = new FeatureBuffer(file.header.features);
  }

  get name(): string {
    return this.header.model;
  }

  /**
   * The probability, in [0, 1], that the skeleton's text is abusive. Features that touch an
   * `allowed` span ([start, end) pairs: the allow-list's innocent words) do not count.
   */
  score(skeleton: SpannedBuffer, allowed: readonly number[] = []): number {
    this.extract(skeleton, allowed);
    return this.probability();
  }

  /**
   * The words (space-separated stretches of the skeleton) whose features added most to its score,
   * strongest first, at most `limit`; neighbouring words are merged into one stretch.
   */
  explain(skeleton: SpannedBuffer, limit: number, allowed: readonly number[] = []): Contribution[] {
    this.extract(skeleton, allowed);
    return this.explainScored(skeleton, limit);
  }

  /** `explain` for the skeleton `score` was just given, from the features it already extracted. */
  explainScored(skeleton: SpannedBuffer, limit: number): Contribution[] {
    const f = this.features;
    const n = skeleton.length;
    if (this.wordWeight.length < n) this.wordWeight = new Float64Array(n * 2);
    const perChar = this.wordWeight;
    perChar.fill(0, 0, n);
    const scale = this.header.scale / Math.sqrt(Math.max(f.length, 1));
    for (let i = 0; i < f.length; i++) {
      const w = this.weights[f.bucket[i]!]! * scale;
      const from = f.start[i]!;
      const to = Math.max(f.end[i]!, from + 1);
      const share = w / (to - from);
      for (let p = from; p < to && p < n; p++) perChar[p]! += share;
    }
    const words: Contribution[] = [];
    let p = 0;
    while (p < n) {
      while (p < n && skeleton.cp[p] === 0x20) p++;
      if (p >= n) break;
      const start = p;
      let weight = 0;
      while (p < n && skeleton.cp[p] !== 0x20) weight += perChar[p++]!;
      if (weight > 0) words.push({ start, end: p, weight });
    }
    words.sort((a, b) => b.weight - a.weight);
    // Words that added little beside the strongest would only blur what a moderator should look at.
    const floor = (words[0]?.weight ?? 0) * MIN_SHARE_OF_STRONGEST;
    const top = words.slice(0, limit).filter((word) => word.weight >= floor);
    return mergeNeighbours(top, skeleton).sort((a, b) => b.weight - a.weight);
  }

  private extract(skeleton: SpannedBuffer, allowed: readonly number[]): void {
    const f = this.features;
    f.extract(skeleton.cp, skeleton.length);
    if (allowed.length === 0) return;
    let kept = 0;
    for (let i = 0; i < f.length; i++) {
      const start = f.start[i]!;
      const end = f.end[i]!;
      let inside = false;
      for (let a = 0; a < allowed.length && !inside; a += 2) inside = start < allowed[a + 1]! && allowed[a]! < end;
      if (inside) continue;
      f.bucket[kept] = f.bucket[i]!;
      f.start[kept] = start;
      f.end[kept] = end;
      kept++;
    }
    f.length = kept;
  }

  private probability(): number {
    const f = this.features;
    if (f.length === 0) return sigmoid(this.header.bias);
    const weights = this.weights;
    let sum = 0;
    for (let i = 0; i < f.length; i++) sum += weights[f.bucket[i]!]!;
    return sigmoid(this.header.bias + (sum * this.header.scale) / Math.sqrt(f.length));
  }
}

/** The language whose thresholds apply: Korean when the text has any Hangul and no more Latin letters. */
export function languageOf(skeleton: SpannedBuffer): ClassifierLanguage {
  let hangul = 0;
  let latin = 0;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.cp[i]!;
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x3131 && c <= 0x3163)) hangul++;
    else if (c >= 0x61 && c <= 0x7a) latin++;
  }
  return hangul > 0 && hangul * 2 >= latin ? 'ko' : latin > 0 ? 'en' : 'ko';
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function mergeNeighbours(spans: Contribution[], skeleton: SpannedBuffer): Contribution[] {
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  const merged: Contribution[] = [];
  for (const span of ordered) {
    const last = merged.at(-1);
    // Neighbours: only one space between them in the skeleton.
    if (last && span.start === last.end + 1 && skeleton.cp[last.end] === 0x20) {
      last.end = span.end;
      last.weight += span.weight;
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
