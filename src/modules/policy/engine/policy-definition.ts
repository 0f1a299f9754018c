import { z } from 'zod';
import { TERM_SYNTAX } from './matcher/term-entry.js';

// The Standards Board policy as data: what an admin edits, what PostgreSQL stores as JSON, what
// `compilePolicy` turns into matchers. Strict objects, so a typo in an admin edit is an error, not a no-op.

const action = z.enum(['hold', 'reject']).describe('hold: to the moderation queue; reject: refused at once');
const count = z.number().int().min(0);

const termList = z
  .array(
    z
      .string()
      .min(1)
      .max(100)
      .regex(TERM_SYNTAX)
      .describe('A term; "<term>" must stand as a word, "<term" begin one, "term>" end one, plain "term" matches anywhere'),
  )
  .max(100_000);

const jamoList = z
  .array(
    z
      .string()
      .regex(/^[\u3131-\u3163]{1,8}$/u)
      .describe('Compatibility jamo only, e.g. "ㅅㅂ"'),
  )
  .max(10_000);

const detector = z.strictObject({ enabled: z.boolean(), action });

const classifierThresholds = z.strictObject({
  holdAt: z.number().min(0).max(1).describe('Hold a comment whose score is at least this'),
  rejectAt: z.number().min(0).max(1).nullable().describe('Reject at this score or above; null: the classifier never rejects on its own'),
});

/** The classifier as the default policy sets it; also what a stored policy from before the classifier gets. */
export const CLASSIFIER_DEFAULTS = {
  enabled: true,
  ko: { holdAt: 0.73, rejectAt: null },
  en: { holdAt: 0.85, rejectAt: null },
  explainTop: 3,
};

const domain = z
  .string()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/u)
  .describe('A host name in lower case; its sub-domains are allowed too');

export const policyDefinitionSchema = z.strictObject({
  version: z.number().int().positive().describe('Raised by one on every edit; recorded with each verdict'),
  name: z.string().min(1).max(200),
  terms: z.strictObject({
    banned: termList.describe('Reject: profanity and slurs no context excuses'),
    suspect: termList.describe('Hold: words a moderator should look at in context'),
    allow: z
      .array(
        z
          .string()
          .min(1)
          .max(100)
          .regex(/^[^<>]+$/u),
      )
      .max(100_000)
      .describe('Innocent words that contain a term: "scunthorpe", "시발점"; a term inside one does not count'),
    initialsBanned: jamoList.describe('Initial-consonant abbreviations that reject: "ㅅㅂ"'),
    initialsSuspect: jamoList.describe('Initial-consonant abbreviations that hold: "ㅈㄴ"'),
  }),
  detectors: z.strictObject({
    phone: detector,
    email: detector.extend({ spelledOut: z.boolean().describe('Also "kim at naver dot com"') }),
    residentNumber: detector,
    card: detector,
    repeat: detector.extend({
      maxCharRun: count.min(2).describe('Longest stretch of 1–4 characters repeating ("ㅋㅋㅋ…", "!!!") allowed; also the most invisible marks ("zalgo")'),
      maxWordRepeats: count.min(2).describe('Times one word may appear when it makes up most of the comment'),
    }),
    shouting: detector.extend({
      minLetters: count.describe('Latin letters a comment needs before shouting is judged'),
      upperRatio: z.number().min(0).max(1).describe('Share of upper-case letters that counts as shouting'),
    }),
    duplicate: detector.extend({
      windowSeconds: count.describe('How far back the same text from the same author counts as a duplicate'),
      minLength: count.describe('Shorter comments ("동의합니다", "+1") may be repeated'),
    }),
  }),
  links: z.strictObject({
    action: z.enum(['allow', 'hold', 'reject']),
    allowedDomains: z.array(domain).max(10_000),
  }),
  quotas: z.strictObject({
    daily: z.strictObject({ enabled: z.boolean(), limit: count, action }),
    perArticle: z.strictObject({ enabled: z.boolean(), limit: count, action }),
  }),
  newAccount: z.strictObject({
    enabled: z.boolean(),
    firstComments: count.describe('Hold an author’s first N comments'),
    minAccountAgeDays: count.describe('Also hold while the account is younger than this (0: off)'),
    regularAfterApproved: count.min(1).default(3).describe('Approved comments after which a new author is a regular (no longer held by this rule)'),
    action,
  }),
  watchedAuthors: detector,
  premoderation: z.strictObject({ action }),
  reports: z.strictObject({
    requeueAt: count.min(1).describe('Reports that send a published comment back to the queue'),
  }),
  toxicity: z.strictObject({
    enabled: z.boolean(),
    holdAt: z.number().min(0).max(1),
    rejectAt: z.number().min(0).max(1),
  }),
  classifier: z
    .strictObject({
      enabled: z.boolean(),
      ko: classifierThresholds.describe('Comments mostly in Hangul'),
      en: classifierThresholds.describe('Every other comment'),
      explainTop: z.number().int().min(1).max(10).describe('Words shown to a moderator as what raised the score'),
    })
    .default(CLASSIFIER_DEFAULTS)
    .describe('The built-in abuse classifier (Korean and English): a score in [0, 1] for each comment'),
  clauses: z.record(z.string(), z.string().max(200)).describe('Rule id → the Standards Board clause shown with its reasons'),
});

export type PolicyDefinition = z.infer<typeof policyDefinitionSchema>;

/** Validates an admin edit or a stored row; throws a ZodError that names every bad field. */
export function parsePolicyDefinition(input: unknown): PolicyDefinition {
  return policyDefinitionSchema.parse(input);
}
