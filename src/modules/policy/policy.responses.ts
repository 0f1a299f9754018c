import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { PolicyDiffView, PolicyInfo, PolicyVersionDetail, PolicyVersionPage } from '@/contract/policy.js';
import type { VerdictView } from '@/contract/verdicts.js';
import { isoTime } from '@/modules/auth/auth.responses.js';
import { policyDefinitionSchema } from './engine/policy-definition.js';
import type { PolicyRulesView } from './policy-store.service.js';

const textSpan = z
  .object({ text: z.string(), start: z.int().min(0), end: z.int().min(0) })
  .describe("A span of the comment's body in UTF-16 code units, as String.prototype.slice takes it");

export const verdictSchema = answerSchema<VerdictView>()(
  z
    .object({
      decision: z.enum(['publish', 'hold', 'reject']),
      reasons: z.array(
        z
          .object({
            rule: z.string().describe('The rule id, e.g. personal.phone'),
            message: z.string(),
            messageKo: z.string(),
            clause: z.string().optional().describe('The Standards Board clause'),
            match: textSpan.optional(),
          })
          .meta({ id: 'VerdictReason' }),
      ),
    })
    .meta({ id: 'Verdict' }),
);

export const policyInfoSchema = answerSchema<PolicyInfo>()(
  z.object({
    maxLength: z.int().describe('250'),
    lengthUnit: z.literal('grapheme'),
    policyUrl: z.string(),
    editWindowSeconds: z.int().min(0),
  }),
);

export const policyRulesSchema = answerSchema<PolicyRulesView>()(
  z.object({ version: z.int().positive(), definition: policyDefinitionSchema, updatedAt: isoTime }).meta({ id: 'PolicyRules' }),
);

const policyVersionSchema = z
  .object({
    version: z.int().positive(),
    createdAt: isoTime,
    createdBy: z.object({ id: z.uuid(), displayName: z.string() }).nullable().describe('Null for the shipped default'),
    reason: z.string().nullable().describe('The reason given when it was stored'),
  })
  .meta({ id: 'PolicyVersion' });

export const policyVersionPageSchema = answerSchema<PolicyVersionPage>()(
  z.object({ items: z.array(policyVersionSchema), nextCursor: z.string().nullable().describe('Versions below this one: hand back as cursor') }),
);

export const policyVersionDetailSchema = answerSchema<PolicyVersionDetail>()(
  policyVersionSchema.extend({ definition: z.unknown().describe('The policy as stored') }).meta({ id: 'PolicyVersionDetail' }),
);

export const policyDiffSchema = answerSchema<PolicyDiffView>()(
  z
    .object({
      from: z.int().positive(),
      to: z.int().positive(),
      rules: z.array(z.object({ path: z.string().describe('detectors.phone.action'), before: z.unknown(), after: z.unknown() })),
      terms: z.array(z.object({ list: z.string(), added: z.array(z.string()), removed: z.array(z.string()) })).describe('Only lists that changed'),
    })
    .meta({ id: 'PolicyDiff' }),
);
