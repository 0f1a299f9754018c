import { Injectable } from '@nestjs/common';
import { ValidationFailedError } from '@/common/errors/app-error.js';
import type { EffectivePolicyView, SectionPolicyList, SectionPolicyView } from '@/contract/effective-policy.js';
import { ArticlesService } from '@/modules/articles/articles.service.js';
import type { ArticleRecord } from '@/modules/articles/articles.repository.js';
import type { Principal } from '@/modules/auth/auth.types.js';
import { UnmatchableTermError } from '@/modules/policy/engine/engine.js';
import { PolicyStore } from '@/modules/policy/policy-store.service.js';
import type { SiteScope } from '@/modules/sites/site-scope.js';
import type { OverridesChangeDto } from '../policy.dto.js';
import { ArticlePolicyResolver } from './article-policy-resolver.js';
import { effectiveSettings, type PolicyLayers } from './layered-policy.js';

/** The section and article layers of a site's policy: changing them, and showing an article's result. */
@Injectable()
export class PolicyLayersService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly store: PolicyStore,
    private readonly resolver: ArticlePolicyResolver,
  ) {}

  async effective(scope: SiteScope, articleId: string): Promise<EffectivePolicyView> {
    return this.view(scope, await this.articles.require(scope, articleId));
  }

  async setArticleOverrides(actor: Principal, articleId: string, dto: OverridesChangeDto): Promise<EffectivePolicyView> {
    const article = await this.articles.require(actor.site, articleId);
    const section = article.section ? this.store.sectionOverrides(actor.site, article.section) : undefined;
    this.check(actor.site, { section: article.section && section ? { name: article.section, overrides: section } : undefined, article: dto.overrides });
    return this.view(actor.site, await this.articles.setPolicyOverrides(actor.site, articleId, dto.overrides, { actorId: actor.user.id, reason: dto.reason }));
  }

  sections(scope: SiteScope): SectionPolicyList {
    return { sections: [...this.store.sectionsOf(scope)].map(([section, overrides]) => ({ section, overrides })) };
  }

  async setSection(actor: Principal, section: string, dto: OverridesChangeDto): Promise<SectionPolicyView> {
    this.check(actor.site, { section: { name: section, overrides: dto.overrides } });
    await this.store.setSection(actor.site, actor.user.id, section, dto.overrides, dto.reason);
    return { section, overrides: dto.overrides };
  }

  /** A change set must leave a policy that compiles (a term that matches nothing is refused). */
  private check(scope: SiteScope, layers: Omit<PolicyLayers, 'site'>): void {
    try {
      ArticlePolicyResolver.check({ site: this.store.compiled(scope).definition, ...layers });
    } catch (error) {
      if (error instanceof UnmatchableTermError) throw new ValidationFailedError(error.message);
      throw error;
    }
  }

  private view(scope: SiteScope, article: ArticleRecord): EffectivePolicyView {
    const { compiled, layers } = this.resolver.resolve(scope, article);
    const settings = effectiveSettings(layers, compiled.definition);
    return {
      articleId: article.id,
      section: article.section,
      policyVersion: this.store.compiled(scope).version,
      layers: { section: layers.section?.overrides ?? null, article: layers.article ?? null },
      settings: { premoderation: { value: article.premoderation, layer: 'article' }, ...settings },
    };
  }
}
