import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { COMMENT_MAX_LENGTH } from '@/modules/comments/text/comment-text.js';
import { DEFAULT_POLICY } from './default-policy/default-policy.js';
import { type CompiledPolicy, compilePolicy, evaluate, type EvaluationContext, type Verdict } from './engine/engine.js';

export interface PolicyInfo {
  maxLength: number;
  lengthUnit: 'grapheme';
  policyUrl: string;
}

/** The Standards Board policy: what the public is told about it, and the verdict on a text. */
@Injectable()
export class PolicyService {
  private compiled: CompiledPolicy = compilePolicy(DEFAULT_POLICY);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  info(): PolicyInfo {
    return { maxLength: COMMENT_MAX_LENGTH, lengthUnit: 'grapheme', policyUrl: `${this.config.publicUrl}/policy` };
  }

  /** How far back an author's own comments matter to the policy (duplicate detection). */
  recentActivityWindowSeconds(): number {
    return this.compiled.definition.detectors.duplicate.windowSeconds;
  }

  evaluate(text: string, context: EvaluationContext): Verdict {
    return evaluate(text, context, this.compiled);
  }
}
