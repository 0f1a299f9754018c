import { z } from 'zod';
import type { PolicyDefinition } from '@/modules/policy/engine/engine.js';
import { TERM_SYNTAX } from '@/modules/policy/engine/matcher/term-entry.js';

// A section's or an article's changes to its site's policy: a few typed knobs, not a second policy.
// Strict, so a typo in an admin's change set is refused rather than ignored.

const action = z.enum(['hold', 'reject']);
const count = z.number().int().min(0);
const term = z.string().min(1).max(100).regex(TERM_SYNTAX);
const termEdit = z.strictObject({
  add: z.array(term).max(1_000).default([]).describe('Terms this layer adds to the list'),
  remove: z.array(term).max(1_000).default([]).describe('Terms of the list this layer takes out'),
});
const quota = z.strictObject({ enabled: z.boolean().optional(), limit: count.optional(), action: action.optional() });

export const policyOverridesSchema = z.strictObject({
  links: z.enum(['allow', 'hold', 'reject']).optional().describe('What a link does here: hold them all for review, refuse them, or let them through'),
  newAuthors: z
    .strictObject({
      enabled: z.boolean().optional(),
      firstComments: count.optional().describe('Hold an author’s first N comments'),
      minAccountAgeDays: count.optional(),
      action: action.optional(),
    })
    .optional()
    .describe('Review of new authors’ comments'),
  terms: z
    .strictObject({ banned: termEdit.optional(), suspect: termEdit.optional(), allow: termEdit.optional() })
    .optional()
    .describe('Terms added to or taken out of the site’s lists'),
  quotas: z.strictObject({ daily: quota.optional(), perArticle: quota.optional() }).optional(),
  toxicity: z
    .strictObject({ enabled: z.boolean().optional(), holdAt: z.number().min(0).max(1).optional(), rejectAt: z.number().min(0).max(1).optional() })
    .optional()
    .describe('The toxicity model’s thresholds'),
  reports: z.strictObject({ requeueAt: count.min(1).optional() }).optional(),
  commentWindow: z
    .strictObject({
      hours: z
        .number()
        .int()
        .min(1)
        .max(24 * 366)
        .describe('Comments are open this long after the article is registered'),
    })
    .optional()
    .describe('Close comments automatically after a while (e.g. 24 or 72 hours)'),
  autoModeration: z
    .strictObject({
      windowMinutes: z
        .number()
        .int()
        .min(1)
        .max(24 * 60)
        .describe('The sliding window comments are counted in'),
      minComments: z.number().int().min(1).max(10_000).describe('Comments the window needs before the share is judged'),
      threshold: z.number().gt(0).max(1).describe('Share of held or rejected comments that sets it off'),
      action: z.enum(['close', 'premoderate']),
    })
    .optional()
    .describe('Close the article, or review every comment, when too many of its recent comments are held or rejected'),
});

export type PolicyOverrides = z.infer<typeof policyOverridesSchema>;

/** Where a rule's setting came from: the site's policy, the article's section, the article itself. */
export const POLICY_LAYERS = ['site', 'section', 'article'] as const;
export type PolicyLayer = (typeof POLICY_LAYERS)[number];

/** Parses a stored change set; an unreadable one (written by another version) changes nothing. */
export function readOverrides(value: unknown): PolicyOverrides {
  const parsed = policyOverridesSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

export function isEmptyOverrides(overrides: PolicyOverrides): boolean {
  return Object.values(overrides).every((value) => value === undefined);
}

/** The definition with one layer's changes made: a new object, `definition` is left as it is. */
export function applyOverrides(definition: PolicyDefinition, overrides: PolicyOverrides): PolicyDefinition {
  const { links, newAuthors, terms, quotas, toxicity, reports } = overrides;
  return {
    ...definition,
    links: links ? { ...definition.links, action: links } : definition.links,
    newAccount: { ...definition.newAccount, ...defined(newAuthors) },
    terms: {
      ...definition.terms,
      banned: editList(definition.terms.banned, terms?.banned),
      suspect: editList(definition.terms.suspect, terms?.suspect),
      allow: editList(definition.terms.allow, terms?.allow),
    },
    quotas: {
      daily: { ...definition.quotas.daily, ...defined(quotas?.daily) },
      perArticle: { ...definition.quotas.perArticle, ...defined(quotas?.perArticle) },
    },
    toxicity: { ...definition.toxicity, ...defined(toxicity) },
    reports: { ...definition.reports, ...defined(reports) },
  };
}

function editList(list: string[], edit: { add: string[]; remove: string[] } | undefined): string[] {
  if (!edit) return list;
  const removed = new Set(edit.remove);
  return [...new Set([...list.filter((entry) => !removed.has(entry)), ...edit.add])];
}

function defined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
