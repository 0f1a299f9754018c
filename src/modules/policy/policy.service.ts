import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import { AppError } from '@/common/errors/app-error.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import { checkCommentBody, COMMENT_MAX_LENGTH } from '@/modules/comments/text/comment-text.js';
import type { EvaluatePolicyDto } from './policy.dto.js';
import { toVerdictView, type VerdictView } from './verdict-view.js';
import { evaluate, type EvaluationContext, type Verdict } from './engine/engine.js';
import { PolicyStore } from './policy-store.service.js';

export interface PolicyInfo {
  maxLength: number;
  lengthUnit: 'grapheme';
  policyUrl: string;
}

/** The Standards Board policy: what the public is told about it, and the verdict on a text. */
@Injectable()
export class PolicyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly articles: ArticlesService,
    private readonly store: PolicyStore,
  ) {}

  info(): PolicyInfo {
    return { maxLength: COMMENT_MAX_LENGTH, lengthUnit: 'grapheme', policyUrl: `${this.config.publicUrl}/policy` };
  }

  /** How far back an author's own comments matter to the policy (duplicate detection). */
  recentActivityWindowSeconds(): number {
    return this.store.compiled.definition.detectors.duplicate.windowSeconds;
  }

  /** Open reports that send a published comment back to the pending queue. */
  reportsToRequeue(): number {
    return this.store.compiled.definition.reports.requeueAt;
  }

  evaluate(text: string, context: EvaluationContext): Verdict {
    return evaluate(text, context, this.store.compiled);
  }

  /**
   * A moderator's trial of a text: the verdict on it as an established author with no recent
   * activity would get it (so quotas and duplicates stay out), under the article's settings.
   */
  async trial(dto: EvaluatePolicyDto): Promise<VerdictView> {
    const text = checkCommentBody(dto.body);
    if (!text.ok && text.reason === 'empty') throw new AppError('COMMENT_EMPTY', 'There is no text to judge.');
    if (!text.ok) throw new AppError('COMMENT_TOO_LONG', `A comment is at most ${text.limit} characters.`, { limit: text.limit, length: text.length });
    const article = dto.articleId ? await this.articles.require(dto.articleId) : undefined;
    const verdict = this.evaluate(text.body, {
      article: { premoderation: article?.premoderation ?? false, ...(article?.section ? { section: article.section } : {}) },
      author: { accountAgeDays: 365, approvedCount: 0, rejectedCount: 0, trust: 'regular', postedToday: 0, postedOnArticle: 0, priorComments: 0 },
      recentComments: [],
      now: new Date(),
    });
    return toVerdictView(verdict);
  }
}
