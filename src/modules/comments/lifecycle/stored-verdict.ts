import { z } from 'zod';
import type { Verdict } from '@/modules/policy/engine/engine.js';

// The Standards Board verdict as a comment's row keeps it (comments.verdict, comment_revisions.verdict):
// parsed once where rows are read, so nothing downstream guesses at its shape.

const textMatch = z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), term: z.string().optional() });

const storedReason = z.object({
  rule: z.string(),
  layer: z.enum(['site', 'section', 'article']).optional(),
  action: z.enum(['hold', 'reject']),
  message: z.string(),
  messageKo: z.string(),
  clause: z.string().optional(),
  match: textMatch.optional(),
  matches: z.array(textMatch).optional(),
  score: z.number().optional(),
});

const verdictFields = {
  decision: z.enum(['publish', 'hold', 'reject']),
  reasons: z.array(storedReason),
  policyVersion: z.number().int(),
};

/** Version 1 is what the engine's Verdict is; rows from before the version field are version 1 too. */
const storedVerdictSchema = z.union([
  z.object({ v: z.literal(1), ...verdictFields }),
  z.object({ v: z.undefined().optional(), ...verdictFields }).transform(({ v: _, ...verdict }) => ({ v: 1 as const, ...verdict })),
]);

export type StoredVerdict = z.output<typeof storedVerdictSchema>;

export function parseStoredVerdict(value: unknown): StoredVerdict {
  return storedVerdictSchema.parse(value);
}

export function toStoredVerdict(verdict: Verdict): StoredVerdict {
  return { v: 1, decision: verdict.decision, reasons: verdict.reasons, policyVersion: verdict.policyVersion };
}

/** The rules that gave reasons, once each: what the queues filter by. */
export function ruleIdsOf(verdict: Pick<StoredVerdict, 'reasons'>): string[] {
  return [...new Set(verdict.reasons.map((reason) => reason.rule))];
}
