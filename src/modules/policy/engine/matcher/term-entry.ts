/**
 * One entry of a term list, as an editor writes it:
 *
 * - `개새끼`  matches anywhere, also inside a longer word ("이개새끼야"), which Korean needs because words
 *   are built by gluing particles and endings on ("바보야", "바보들", "바보가");
 * - `<ass>`  must stand as a word of its own, though an ending may follow ("asses", "바보야");
 * - `<wank`  must begin a word, anything may follow ("wanker", "wanking");
 * - `cunt>`  must end a word (an ending may follow).
 *
 * The allow-list protects innocent words that contain a term ("scunthorpe", "시발점").
 */
export interface TermEntry {
  body: string;
  atWordStart: boolean;
  atWordEnd: boolean;
}

export const TERM_SYNTAX = /^<?[^<>]+>?$/u;

export function parseTermEntry(entry: string): TermEntry {
  const trimmed = entry.trim();
  const atWordStart = trimmed.startsWith('<');
  const atWordEnd = trimmed.endsWith('>') && trimmed.length > 1;
  const body = trimmed.slice(atWordStart ? 1 : 0, atWordEnd ? -1 : undefined);
  return { body, atWordStart, atWordEnd };
}
