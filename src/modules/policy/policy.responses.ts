import { z } from 'zod';
import { answerSchema } from '@/common/openapi/answer-schema.js';
import type { PolicyInfo } from '@/contract/policy.js';
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
