import { Inject, Injectable } from '@nestjs/common';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { PolicyInfo } from '@/contract/policy.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import { acceptCommentBody } from '@/modules/comments/text/accept-comment-body.js';
import { COMMENT_MAX_LENGTH } from '@/modules/comments/text/comment-text.js';
import type { EvaluatePolicyDto } from './policy.dto.js';
import { toVerdictView, type VerdictView } from './verdict-view.js';
import {
  evaluate,
  type EvaluationContext,
  type PolicyDefinition,
  type ToxicityClassifier,
  toxicityReason,
  toxicityUnavailableReason,
  type Verdict,
  withReason,
} from './engine/engine.js';
import { PolicyStore } from './policy-store.service.js';
import { TOXICITY_CLASSIFIER } from './toxicity/toxicity-classifier.provider.js';

export type { PolicyInfo };

/** The Standards Board policy: what the public is told about it, and the verdict on a text. */
@Injectable()
export class PolicyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly articles: ArticlesService,
    private readonly store: PolicyStore,
    @Inject(TOXICITY_CLASSIFIER) private readonly classifier: ToxicityClassifier | null,
  ) {}

  info(): PolicyInfo {
    return { maxLength: COMMENT_MAX_LENGTH, lengthUnit: 'grapheme', policyUrl: `${this.config.publicUrl}/policy`, editWindowSeconds: 300 };
  }

  /** The rules in force on this instance, for pages that explain them. */
  rulesInForce(): { version: number; definition: PolicyDefinition } {
    const { version, definition } = this.store.compiled;
    return { version, definition };
  }

  /** How far back an author's own comments matter to the policy (duplicate detection). */
  recentActivityWindowSeconds(): number {
    return this.store.compiled.definition.detectors.duplicate.windowSeconds;
  }

  /** Open reports that send a published comment back to the pending queue. */
  reportsToRequeue(): number {
    return this.store.compiled.definition.reports.requeueAt;
  }

  /**
   * The verdict at posting: the rules, then, when the policy turns it on and a classifier is
   * configured, the toxicity model's score. A classifier that fails or is slow holds the comment.
   */
  async judge(text: string, context: EvaluationContext): Promise<Verdict> {
    const policy = this.store.compiled;
    const verdict = evaluate(text, context, policy);
    if (!this.classifier || !policy.definition.toxicity.enabled || verdict.decision === 'reject') return verdict;
    try {
      const { score } = await this.classifier.classify(text);
      return withReason(verdict, toxicityReason(score, policy));
    } catch (error) {
      this.logger.warn({ err: error }, 'toxicity classifier unavailable; holding the comment');
      return withReason(verdict, toxicityUnavailableReason(policy));
    }
  }

  /**
   * A moderator's trial of a text: the verdict posting it would get from an established author with
   * no recent activity (so quotas and duplicates stay out), under the article's settings.
   */
  async trial(dto: EvaluatePolicyDto): Promise<VerdictView> {
    const body = acceptCommentBody(dto.body);
    const article = dto.articleId ? await this.articles.require(dto.articleId) : undefined;
    const verdict = await this.judge(body, {
      article: { premoderation: article?.premoderation ?? false, ...(article?.section ? { section: article.section } : {}) },
      author: { accountAgeDays: 365, approvedCount: 0, rejectedCount: 0, trust: 'regular', postedToday: 0, postedOnArticle: 0, priorComments: 0 },
      recentComments: [],
      now: new Date(),
    });
    return toVerdictView(verdict);
  }
}
