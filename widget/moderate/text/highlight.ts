import type { QueueReason, TextMatch } from '@/contract/moderation-queue.js';

/** A run of the comment's text: plain, or matched by the rules named. */
export interface TextSegment {
  text: string;
  rules: string[];
}

interface Span {
  start: number;
  end: number;
  rule: string;
}

/**
 * Cuts a comment's body into plain and matched runs for every match of every reason. Positions are
 * UTF-16 offsets into the body; the match's own `text` is not used, because the policy masks
 * personal data in it. Positions the body cannot hold are dropped, overlapping matches share a run
 * (naming each rule), and no cut falls inside a surrogate pair, so an emoji is never split in two.
 */
export function highlightSegments(body: string, reasons: readonly QueueReason[]): TextSegment[] {
  const spans = reasons.flatMap((reason) => matchesOf(reason).flatMap((match) => spanIn(body, match, reason.rule)));
  if (spans.length === 0) return body ? [{ text: body, rules: [] }] : [];

  const cuts = [...new Set([0, body.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i]!;
    const end = cuts[i + 1]!;
    const rules = [...new Set(spans.filter((span) => span.start <= start && span.end >= end).map((span) => span.rule))];
    const last = segments.at(-1);
    // Neighbouring runs with the same rules read as one.
    if (last && sameRules(last.rules, rules)) last.text += body.slice(start, end);
    else segments.push({ text: body.slice(start, end), rules });
  }
  return segments;
}

function matchesOf(reason: QueueReason): TextMatch[] {
  return [...(reason.matches ?? []), ...(reason.match ? [reason.match] : [])];
}

function spanIn(body: string, match: TextMatch, rule: string): Span[] {
  const { start, end } = match;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) return [];
  return [{ start: isLowSurrogateAt(body, start) ? start - 1 : start, end: isLowSurrogateAt(body, end) ? end + 1 : end, rule }];
}

/** True when `index` falls between the two halves of a surrogate pair. */
function isLowSurrogateAt(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  const before = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
}

function sameRules(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((rule) => b.includes(rule));
}
