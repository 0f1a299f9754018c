import { Inject, Injectable } from '@nestjs/common';
import { ArticlePolicyResolver } from './layers/article-policy-resolver.js';
import { withLayers } from './layers/layered-policy.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { AppLogger } from '@/common/logging/logger.js';
import { APP_CONFIG, APP_LOGGER } from '@/config/config.module.js';
import type { AppConfig } from '@/config/config.js';
import type { PolicyInfo } from '@/contract/policy.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import { Metrics } from '@/modules/metrics/metrics.service.js';
import { acceptCommentBody } from '@/modules/comments/text/accept-comment-body.js';
import { COMMENT_MAX_LENGTH } from '@/modules/comments/text/comment-text.js';
import type { EvaluatePolicyDto } from './policy.dto.js';
import { toVerdictView, type VerdictView } from './verdict-view.js';
import {
  type AuthorFacts,
  type CompiledPolicy,
  evaluate,
  type EvaluationContext,
  type PolicyDefinition,
  type ToxicityClassifier,
  toxicityReason,
  toxicityUnavailableReason,
  type Verdict,
  withReason,
} from './engine/engine.js';
import { AuthorFactsRepository, type AuthorRecord } from './facts/author-facts.repository.js';
import { compileOrExplain, PolicyStore } from './policy-store.service.js';
import { TOXICITY_CLASSIFIER } from './toxicity/toxicity-classifier.provider.js';

/** A comment to judge: its text, who writes it and where; the policy gathers the rest. */
export interface CommentToJudge {
  text: string;
  authorId: string;
  articleId: string;
  /** When an edit is judged: the comment, whose earlier text does not count against it. */
  editing?: string | undefined;
}

/** The verdict, and what storing it must hold to. */
export interface Judgement {
  verdict: Verdict;
  /** The author's posting version the facts were read at: store only if it has not moved. */
  authorVersion: number;
  /** The author is new and, with this comment published, has earned `regular`. */
  promotesAuthor: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

export type { PolicyInfo };

/** The Standards Board policy: what the public is told about it, and the verdict on a text. */
@Injectable()
export class PolicyService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_LOGGER) private readonly logger: AppLogger,
    private readonly articles: ArticlesService,
    private readonly store: PolicyStore,
    private readonly resolver: ArticlePolicyResolver,
    private readonly authors: AuthorFactsRepository,
    @Inject(TOXICITY_CLASSIFIER) private readonly classifier: ToxicityClassifier | null,
    private readonly metrics: Metrics,
  ) {}

  info(): PolicyInfo {
    return {
      maxLength: COMMENT_MAX_LENGTH,
      lengthUnit: 'grapheme',
      policyUrl: `${this.config.publicUrl}/policy`,
      editWindowSeconds: this.config.commentEditWindowSeconds,
    };
  }

  /** The rules in force on this instance, for pages that explain them. */
  rulesInForce(scope: SiteScope): { version: number; definition: PolicyDefinition } {
    const { version, definition } = this.store.compiled(scope);
    return { version, definition };
  }

  /** Open reports that send a published comment back to the pending queue. */
  reportsToRequeue(scope: SiteScope): number {
    return this.store.compiled(scope).definition.reports.requeueAt;
  }

  /**
   * The verdict on a comment being posted or edited, on facts read here: the article's settings and
   * the author's trust, history, quotas and recent texts.
   */
  async judgeComment(scope: SiteScope, comment: CommentToJudge): Promise<Judgement> {
    const sitePolicy = this.store.compiled(scope);
    const now = new Date();
    const [article, author] = await Promise.all([
      this.articles.requireSettings(scope, comment.articleId),
      this.authors.authorRecord(scope, {
        authorId: comment.authorId,
        articleId: comment.articleId,
        recentSince: new Date(now.getTime() - sitePolicy.definition.detectors.duplicate.windowSeconds * 1000),
        excludeCommentId: comment.editing,
      }),
    ]);
    if (!author) throw new Error(`policy: no author ${comment.authorId}`);
    const { compiled: policy, layers } = this.resolver.resolve(scope, article);
    const judged = await this.judge(policy, comment.text, {
      // Memorial mode reviews every comment, as premoderation does.
      article: { premoderation: article.premoderation || article.memorial, ...(article.section ? { section: article.section } : {}) },
      author: authorFacts(author, now),
      recentComments: author.recent,
      now,
    });
    const verdict = withLayers(judged, layers);
    this.metrics.observeVerdict(verdict);
    const approvedWithThis = author.approvedCount + (verdict.decision === 'publish' ? 1 : 0);
    return {
      verdict,
      authorVersion: author.version,
      promotesAuthor: author.trust === 'new' && approvedWithThis >= policy.definition.newAccount.regularAfterApproved,
    };
  }

  /** Approved comments that make a new author a regular. */
  approvalsToBecomeRegular(scope: SiteScope): number {
    return this.store.compiled(scope).definition.newAccount.regularAfterApproved;
  }

  /**
   * The verdict at posting: the rules, then, when the policy turns it on and a classifier is
   * configured, the toxicity model's score. A classifier that fails or is slow holds the comment.
   */
  private async judge(policy: CompiledPolicy, text: string, context: EvaluationContext): Promise<Verdict> {
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
   * A moderator's trial of a text: the verdict posting it would get from a regular author with no
   * recent activity (so quotas, duplicates and account rules stay out), under the article's settings;
   * with a draft definition, under the draft in place of the site's policy (checked as an edit is).
   */
  async trial(scope: SiteScope, dto: EvaluatePolicyDto): Promise<VerdictView> {
    const body = acceptCommentBody(dto.body);
    const draft = dto.definition ? compileOrExplain(dto.definition) : undefined;
    const article = dto.articleId ? await this.articles.require(scope, dto.articleId) : undefined;
    const site = draft ?? this.store.compiled(scope);
    const resolved = article ? this.resolver.resolve(scope, article, draft) : { compiled: site, layers: { site: site.definition } };
    const judged = await this.judge(resolved.compiled, body, {
      article: { premoderation: article?.premoderation ?? false, ...(article?.section ? { section: article.section } : {}) },
      author: { accountAgeDays: 365, approvedCount: 0, rejectedCount: 0, trust: 'regular', postedToday: 0, postedOnArticle: 0, priorComments: 0 },
      recentComments: [],
      now: new Date(),
    });
    return toVerdictView(withLayers(judged, resolved.layers));
  }
}

function authorFacts(author: AuthorRecord, now: Date): AuthorFacts {
  return {
    accountAgeDays: (now.getTime() - author.since.getTime()) / DAY_MS,
    approvedCount: author.approvedCount,
    rejectedCount: author.rejectedCount,
    trust: author.trust,
    postedToday: author.postedToday,
    postedOnArticle: author.postedOnArticle,
    priorComments: author.priorComments,
  };
}
