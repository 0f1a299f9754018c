// The comment length rule, shared verbatim by the API and the browser widget:
// keep this module free of framework and Node-only imports.

export const COMMENT_MAX_LENGTH = 250;

/**
 * Combining marks kept in a row: Unicode's "stream-safe" bound (UAX #15), above anything a script
 * stacks. Past it a run is "Zalgo" text, and putting a long run in canonical order (NFC) costs the
 * square of its length.
 */
export const MAX_MARKS_IN_A_ROW = 30;
/**
 * UTF-16 code units the length rule allows per grapheme, on average over the limit: the longest emoji
 * sequences take 15, a letter with its 30 marks 31. A longer text is too long without counting.
 */
export const MAX_UNITS_PER_GRAPHEME = 32;
/** Text is segmented in pieces of about this many code units (see countGraphemes). */
const SEGMENTED_PIECE = 256;

const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const CARRIAGE_RETURNS = /\r\n?/g;
const MARK_RUNS = /\p{M}+/gu;
const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export type CommentTextCheck =
  | { ok: true; body: string; length: number }
  | {
      ok: false;
      reason: 'empty' | 'too_long';
      body: string;
      /** For `too_long`: the count where counting stopped, one past the limit, when `atLeast`. */
      length: number;
      limit: number;
      /** The text is longer still: counting stopped at `length`. */
      atLeast?: true;
    };

export function normalizeCommentBody(raw: string): string {
  // The controls are stripped before NFC, not after as the contract lists the
  // steps: a control between a base and its mark ('e\u202A\u0301') or between
  // Hangul jamo would otherwise leave the pair uncomposed, so the stored body
  // would not be NFC and normalising it again would change it. Mark runs are cut
  // before NFC, which is then linear, and after it, where a few marks decompose
  // into two (U+0344), so that normalising again changes nothing.
  return capMarkRuns(capMarkRuns(raw.replace(INVISIBLE_CONTROLS, '')).normalize('NFC'))
    .replace(CARRIAGE_RETURNS, '\n')
    .trim();
}

function capMarkRuns(text: string): string {
  return text.replace(MARK_RUNS, (run) => (run.length <= MAX_MARKS_IN_A_ROW ? run : Array.from(run).slice(0, MAX_MARKS_IN_A_ROW).join('')));
}

/**
 * The number of extended grapheme clusters of `text`, or `atMost` once it has that many.
 *
 * Intl.Segmenter's cost per grapheme grows with the length of the text it is given (on Node 20 a
 * 16,000-character text takes 200 ms), so the text is handed over in pieces of SEGMENTED_PIECE code
 * units, each cut between two code points. Every boundary a piece has before its end is one of the
 * whole text (UAX #29 decides a boundary from what precedes it and the one code point after), and
 * segmenting afresh from a boundary finds the same boundaries after it: each piece but the last counts
 * its graphemes but the last one, and the next piece starts where that one started.
 */
export function countGraphemes(text: string, atMost = Number.POSITIVE_INFINITY): number {
  let counted = 0;
  let start = 0;
  let span = SEGMENTED_PIECE;
  while (counted < atMost) {
    let end = start + span;
    if (end >= text.length) return Math.min(atMost, counted + countSegments(text.slice(start), atMost - counted));
    if (HIGH_SURROGATE.test(text[end - 1]!)) end--;
    let complete = -1;
    let lastStart = 0;
    for (const { index } of graphemes.segment(text.slice(start, end))) {
      complete++;
      lastStart = index;
    }
    if (complete === 0) {
      // One grapheme longer than the piece: try a piece twice as long.
      span *= 2;
      continue;
    }
    counted += complete;
    start += lastStart;
  }
  return atMost;
}

function countSegments(text: string, atMost: number): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) if (++count >= atMost) break;
  return count;
}

/**
 * The length rule: the normalised body, and whether 0 < length <= limit. Counting stops one past the
 * limit (`atLeast` then says the text is longer still), and a text of more than
 * `limit * MAX_UNITS_PER_GRAPHEME` code units is too long without counting: the cost of the check is
 * bounded whatever the text.
 */
export function checkCommentBody(raw: string, limit = COMMENT_MAX_LENGTH): CommentTextCheck {
  const body = normalizeCommentBody(raw);
  if (body.length === 0) return { ok: false, reason: 'empty', body, length: 0, limit };
  if (body.length > limit * MAX_UNITS_PER_GRAPHEME) return { ok: false, reason: 'too_long', body, length: limit + 1, limit, atLeast: true };
  const length = countGraphemes(body, limit + 2);
  if (length > limit + 1) return { ok: false, reason: 'too_long', body, length: limit + 1, limit, atLeast: true };
  if (length > limit) return { ok: false, reason: 'too_long', body, length, limit };
  return { ok: true, body, length };
}
