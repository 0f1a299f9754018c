import { ENGLISH, KOREAN, type PhraseSlots } from './phrases.js';

/** The contract's length rule: bodies stay within it, counted in UTF-16 units (every phrase is in the BMP). */
const MAX_LENGTH = 250;
/** Three in five posts are Korean, as under a Korean news site's articles. */
const KOREAN_SHARE_OF_FIVE = 3;

/**
 * The body of the `sequence`-th post: unique per sequence number (so the duplicate detector never
 * holds one), civil, Korean or English, 60–250 characters.
 *
 * Uniqueness comes from the first three phrases and the last one, which are the digits of the
 * sequence's index within its language in a mixed radix over the four slots; the phrases padded in
 * before the closer only vary the length.
 */
export function postedCommentBody(sequence: number): string {
  const withinFive = sequence % 5;
  const korean = withinFive < KOREAN_SHARE_OF_FIVE;
  const group = Math.floor(sequence / 5);
  const index = korean ? group * KOREAN_SHARE_OF_FIVE + withinFive : group * (5 - KOREAN_SHARE_OF_FIVE) + (withinFive - KOREAN_SHARE_OF_FIVE);
  return assemble(korean ? KOREAN : ENGLISH, index, korean ? 5 : 3);
}

function assemble(slots: PhraseSlots, index: number, maxPadding: number): string {
  const { openers, points, asides, closers } = slots;
  const capacity = openers.length * points.length * asides.length * closers.length;
  // Past the capacity a body would repeat an earlier one; a run that long is far beyond the quotas anyway.
  const lists = [openers, points, asides, closers];
  const [opener, point, aside, closer] = mixedRadixDigits(
    index % capacity,
    lists.map((list) => list.length),
  ).map((digit, slot) => lists[slot]![digit]!);
  const parts = [opener!, point!, aside!];
  const fits = (phrase: string): boolean => [...parts, phrase, closer!].join(' ').length <= MAX_LENGTH;
  for (const phrase of paddingPhrases(slots, index, maxPadding)) if (fits(phrase)) parts.push(phrase);
  return [...parts, closer!].join(' ');
}

function mixedRadixDigits(value: number, radices: readonly number[]): number[] {
  const digits: number[] = [];
  let rest = value;
  for (const radix of radices) {
    digits.push(rest % radix);
    rest = Math.floor(rest / radix);
  }
  return digits;
}

/** 0…maxPadding more points and asides, chosen by a hash so lengths do not climb with the sequence. */
function paddingPhrases(slots: PhraseSlots, index: number, maxPadding: number): string[] {
  const pool = [...slots.points, ...slots.asides];
  let hash = Math.imul(index ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  const count = hash % (maxPadding + 1);
  const phrases: string[] = [];
  for (let i = 0; i < count; i++) {
    hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35) >>> 0;
    phrases.push(pool[hash % pool.length]!);
  }
  return phrases;
}
