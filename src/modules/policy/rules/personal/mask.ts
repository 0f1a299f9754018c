import type { TextMatch } from '@/modules/policy/engine/verdict.js';

/**
 * Hides all but the first and last two letters or digits, so a stored reason or a log line never repeats
 * someone's phone or card number; the span still lets a moderator page highlight the original.
 */
export function maskPersonalData(match: TextMatch): TextMatch {
  const chars = [...match.text];
  const significant = chars.filter((c) => /[\p{L}\p{N}]/u.test(c)).length;
  let seen = 0;
  const masked = chars
    .map((c) => {
      if (!/[\p{L}\p{N}]/u.test(c)) return c;
      seen++;
      return seen <= 2 || seen > significant - 2 ? c : '*';
    })
    .join('');
  return { ...match, text: masked };
}
