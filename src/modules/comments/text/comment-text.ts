// The comment length rule, shared verbatim by the API and the browser widget:
// keep this module free of framework and Node-only imports.

export const COMMENT_MAX_LENGTH = 250;

const INVISIBLE_CONTROLS = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const CARRIAGE_RETURNS = /\r\n?/g;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export type CommentTextCheck =
  { ok: true; body: string; length: number } | { ok: false; reason: 'empty' | 'too_long'; body: string; length: number; limit: number };

export function normalizeCommentBody(raw: string): string {
  // The controls are stripped before NFC, not after as the contract lists the
  // steps: a control between a base and its mark ('e\u202A\u0301') or between
  // Hangul jamo would otherwise leave the pair uncomposed, so the stored body
  // would not be NFC and normalising it again would change it.
  return raw.replace(INVISIBLE_CONTROLS, '').normalize('NFC').replace(CARRIAGE_RETURNS, '\n').trim();
}

export function countGraphemes(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

export function checkCommentBody(raw: string, limit = COMMENT_MAX_LENGTH): CommentTextCheck {
  const body = normalizeCommentBody(raw);
  const length = countGraphemes(body);
  if (length === 0) return { ok: false, reason: 'empty', body, length, limit };
  if (length > limit) return { ok: false, reason: 'too_long', body, length, limit };
  return { ok: true, body, length };
}
